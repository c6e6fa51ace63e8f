namespace Containers.Engine.Configuration
{
    /// <summary>
    /// A docker context as the docker CLI stored it (or the built-in "default"): its name, description, the engine
    /// address of its docker endpoint, and its TLS choices. Listing contexts does not need their addresses to be usable
    /// here (an ssh:// context is still listed); resolving one does.
    /// </summary>
    public sealed class DockerContext
    {
        internal DockerContext(string name, string? description, string? host, bool skipTlsVerify, string? tlsDirectory, bool isDefault, string? metaFilePath)
        {
            Name = name;
            Description = description;
            Host = host;
            SkipTlsVerify = skipTlsVerify;
            TlsDirectory = tlsDirectory;
            IsDefault = isDefault;
            MetaFilePath = metaFilePath;
        }

        public string Name { get; }

        public string? Description { get; }

        /// <summary>
        /// <c>Endpoints.docker.Host</c> as written: null when the context has no docker endpoint, empty when the endpoint
        /// names no host (the docker CLI then uses the platform default).
        /// </summary>
        public string? Host { get; }

        /// <summary><c>Endpoints.docker.SkipTLSVerify</c>: TLS without checking the engine's certificate.</summary>
        public bool SkipTlsVerify { get; }

        /// <summary>The context's TLS folder (<c>contexts/tls/HASH/docker</c>) when it exists; its presence turns TLS on.</summary>
        public string? TlsDirectory { get; }

        /// <summary>The built-in "default" context, which has no files of its own.</summary>
        public bool IsDefault { get; }

        /// <summary>Whether the docker CLI would use this context now (set by <see cref="DockerContextStore.List"/>; false elsewhere).</summary>
        public bool IsCurrent { get; private set; }

        /// <summary>Where the context is described; null for "default".</summary>
        public string? MetaFilePath { get; }

        internal DockerContext AsCurrent(bool isCurrent) =>
            new DockerContext(Name, Description, Host, SkipTlsVerify, TlsDirectory, IsDefault, MetaFilePath) { IsCurrent = isCurrent };

        public override string ToString() => Name;
    }
}
