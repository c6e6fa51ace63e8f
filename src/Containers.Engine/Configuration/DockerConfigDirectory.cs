using System.Text.Json;

namespace Containers.Engine.Configuration
{
    /// <summary>
    /// The docker CLI's configuration folder: $DOCKER_CONFIG, else ~/.docker. It holds config.json (whose
    /// <c>currentContext</c> is what <c>docker context use</c> sets), the context store, and the default TLS files.
    /// </summary>
    public sealed class DockerConfigDirectory
    {
        public const string ConfigFileName = "config.json";

        public DockerConfigDirectory(string path)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new ArgumentException("The docker configuration folder must be named.", nameof(path));
            }

            Path = System.IO.Path.GetFullPath(path);
        }

        /// <summary>The folder's full path; it need not exist.</summary>
        public string Path { get; }

        public string ConfigFilePath => System.IO.Path.Combine(Path, ConfigFileName);

        /// <summary>DOCKER_CONFIG when it is set and not empty, else .docker in the home folder, as the docker CLI decides.</summary>
        public static DockerConfigDirectory FromEnvironment(IEngineEnvironment environment)
        {
            string? configured = environment.GetVariable(EngineVariables.DockerConfig);
            return new DockerConfigDirectory(string.IsNullOrEmpty(configured)
                ? System.IO.Path.Combine(environment.HomeDirectory, ".docker")
                : configured!);
        }

        /// <summary>
        /// config.json's <c>currentContext</c>; null when the folder, the file or the setting is absent, or the file is
        /// empty (the docker CLI accepts all of these).
        /// </summary>
        /// <exception cref="EngineConfigurationException">config.json cannot be read or is not valid JSON; the message names the file.</exception>
        public string? ReadCurrentContext()
        {
            string file = ConfigFilePath;
            string text;
            try
            {
                if (!File.Exists(file))
                {
                    return null;
                }

                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new EngineConfigurationException(EngineSources.CurrentContext, $"The docker configuration file '{file}' cannot be read: {e.Message}", e);
            }

            if (text.Trim().Length == 0)
            {
                return null;
            }

            try
            {
                using JsonDocument document = JsonDocument.Parse(text);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new FormatException($"it should hold a JSON object but holds {GoJson.Describe(document.RootElement.ValueKind)}.");
                }

                string? current = GoJson.GetString(document.RootElement, "currentContext");
                return string.IsNullOrEmpty(current) ? null : current;
            }
            catch (JsonException e)
            {
                throw new EngineConfigurationException(EngineSources.CurrentContext, $"The docker configuration file '{file}' is not valid JSON: {e.Message} Correct or remove it.", e);
            }
            catch (FormatException e)
            {
                throw new EngineConfigurationException(EngineSources.CurrentContext, $"The docker configuration file '{file}' cannot be used: {e.Message}", e);
            }
        }

        public override string ToString() => Path;
    }
}
