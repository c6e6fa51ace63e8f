namespace Containers.Engine.Configuration
{
    /// <summary>The real environment of this process, read afresh on every call (a PowerShell user may change $env:DOCKER_HOST at any time).</summary>
    public sealed class ProcessEnvironment : IEngineEnvironment
    {
        public static ProcessEnvironment Instance { get; } = new ProcessEnvironment();

        private ProcessEnvironment()
        {
        }

        public string? GetVariable(string name) => Environment.GetEnvironmentVariable(name);

        public string HomeDirectory
        {
            get
            {
                // UserProfile is %USERPROFILE% on Windows and $HOME elsewhere, which is where the docker CLI looks too.
                string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
                if (string.IsNullOrEmpty(home))
                {
                    home = Environment.GetEnvironmentVariable("HOME") ?? string.Empty;
                }

                if (home.Length == 0)
                {
                    throw new EngineConfigurationException(
                        EngineVariables.DockerConfig,
                        "The user's home folder cannot be found, so the docker configuration folder (~/.docker) cannot be either. Set DOCKER_CONFIG to the folder that holds config.json.");
                }

                return home;
            }
        }
    }
}
