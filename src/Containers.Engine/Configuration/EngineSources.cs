namespace Containers.Engine.Configuration
{
    /// <summary>Where the choice of engine came from, as <see cref="ResolvedEngine.Source"/> reports it, in the order they are tried.</summary>
    public static class EngineSources
    {
        /// <summary>An address the caller gave.</summary>
        public const string Parameter = "parameter";

        /// <summary>A context name the caller gave.</summary>
        public const string Context = "context";

        public const string DockerHost = EngineVariables.DockerHost;

        public const string DockerContext = EngineVariables.DockerContext;

        /// <summary>The <c>currentContext</c> of config.json, which <c>docker context use</c> writes.</summary>
        public const string CurrentContext = "currentContext";

        /// <summary>Nothing was configured: the platform's default socket or pipe.</summary>
        public const string Default = "default";
    }
}
