using System.Text;
using Containers.Engine.Configuration;
using Containers.Engine.CredentialStore;

namespace Containers.Tests.Engine.CredentialStore
{
    /// <summary>
    /// A temporary home for one credential test: a docker configuration folder, a folder of credential helpers that is
    /// the whole PATH our code searches, and a made-up environment pointing at both. The process's own environment and
    /// the developer's ~/.docker are never touched.
    /// </summary>
    public sealed class CredentialSandbox : IDisposable
    {
        public CredentialSandbox()
        {
            Root = Path.Combine(Path.GetTempPath(), "containers-cred-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            ConfigDirectory = Path.Combine(Root, "docker-config");
            HelperDirectory = Path.Combine(Root, "helpers");
            Directory.CreateDirectory(Path.Combine(Root, "home"));
            Directory.CreateDirectory(HelperDirectory);
            Environment = new FakeEngineEnvironment(Path.Combine(Root, "home"));
            Environment["DOCKER_CONFIG"] = ConfigDirectory;
            Environment["PATH"] = HelperDirectory;
        }

        public string Root { get; }

        public string ConfigDirectory { get; }

        public string ConfigFile => Path.Combine(ConfigDirectory, "config.json");

        public string HelperDirectory { get; }

        public FakeEngineEnvironment Environment { get; }

        /// <summary>The store as our code would build it from the sandbox's environment.</summary>
        public DockerCredentialStore Store(TimeSpan? helperTimeout = null) => DockerCredentialStore.FromEnvironment(Environment, helperTimeout);

        public void WriteConfig(string json)
        {
            Directory.CreateDirectory(ConfigDirectory);
            File.WriteAllText(ConfigFile, json, new UTF8Encoding(false));
        }

        public string ReadConfig() => File.ReadAllText(ConfigFile);

        /// <summary>A helper that keeps what it is given in a folder of its own.</summary>
        public FileBackedHelper AddFileBackedHelper(string name) => new FileBackedHelper(this, name);

        /// <summary>Writes <c>docker-credential-NAME</c> with the given shell script body, executable.</summary>
        public string AddHelper(string name, string script)
        {
            string path = Path.Combine(HelperDirectory, CredentialHelper.ProgramPrefix + name);
            if (OperatingSystem.IsWindows())
            {
                throw new PlatformNotSupportedException("The helpers are shell scripts; the credential tests run on Linux, as the engine tests do.");
            }

            File.WriteAllText(path, script.Replace("\r\n", "\n"));
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
            return path;
        }

        /// <summary>Variables for a docker CLI run in this sandbox: its config folder, and the helpers ahead of the system's PATH.</summary>
        public IReadOnlyDictionary<string, string?> CliVariables => new Dictionary<string, string?>
        {
            ["PATH"] = HelperDirectory + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        };

        public void Dispose()
        {
            if (Directory.Exists(Root))
            {
                Directory.Delete(Root, recursive: true);
            }
        }
    }
}
