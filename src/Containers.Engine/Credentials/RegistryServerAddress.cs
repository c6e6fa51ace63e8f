namespace Containers.Engine.Credentials
{
    /// <summary>
    /// The key the docker CLI files a registry's credentials under, in config.json's <c>auths</c> and in credential
    /// helpers: <c>https://index.docker.io/v1/</c> for Docker Hub (however it was named), the bare host[:port] for every
    /// other registry. Keys written as URLs by older tools (<c>https://host/v1/</c>, <c>http://host</c>) still name
    /// their host, as the CLI's ConvertToHostname reads them.
    /// </summary>
    public static class RegistryServerAddress
    {
        /// <summary>Docker Hub's key, from the days of the v1 index; every docker tool still files Hub logins under it.</summary>
        public const string DockerHub = "https://index.docker.io/v1/";

        /// <summary>The host image references use for Docker Hub.</summary>
        public const string DockerHubHost = "docker.io";

        /// <summary>The host Docker Hub's v2 API answers on.</summary>
        public const string DockerHubApiHost = "registry-1.docker.io";

        /// <summary>
        /// The key for a registry named by host (<c>127.0.0.1:5000</c>, <c>docker.io</c>), by image reference's registry,
        /// or by URL (<c>https://myregistry.example/v2/</c>).
        /// </summary>
        /// <exception cref="ArgumentException">The name is empty or names no host.</exception>
        public static string Normalize(string registry)
        {
            if (string.IsNullOrWhiteSpace(registry))
            {
                throw new ArgumentException("A registry must be named (a host such as registry.example.com:5000, or docker.io).", nameof(registry));
            }

            string host = ToHostname(registry.Trim());
            if (host.Length == 0)
            {
                throw new ArgumentException($"'{registry}' names no registry host.", nameof(registry));
            }

            return IsDockerHubHost(host) ? DockerHub : host;
        }

        /// <summary>True when the name (host, key or URL) means Docker Hub.</summary>
        public static bool IsDockerHub(string registry) => !string.IsNullOrWhiteSpace(registry) && IsDockerHubHost(ToHostname(registry.Trim()));

        /// <summary>The host a key or URL names, as the docker CLI's ConvertToHostname finds it: scheme and path dropped.</summary>
        public static string ToHostname(string key)
        {
            string stripped = key;
            int scheme = stripped.IndexOf("://", StringComparison.Ordinal);
            if (scheme >= 0)
            {
                stripped = stripped.Substring(scheme + 3);
                int at = stripped.IndexOf('@');
                int firstSlash = stripped.IndexOf('/');
                if (at >= 0 && (firstSlash < 0 || at < firstSlash))
                {
                    stripped = stripped.Substring(at + 1);
                }
            }

            int slash = stripped.IndexOf('/');
            return slash < 0 ? stripped : stripped.Substring(0, slash);
        }

        /// <summary>How a user would name the registry a key belongs to: <c>docker.io</c> for Hub, the host otherwise.</summary>
        public static string ToDisplayName(string key) => IsDockerHub(key) ? DockerHubHost : ToHostname(key);

        private static bool IsDockerHubHost(string host) =>
            string.Equals(host, DockerHubHost, StringComparison.OrdinalIgnoreCase)
            || string.Equals(host, "index.docker.io", StringComparison.OrdinalIgnoreCase)
            || string.Equals(host, DockerHubApiHost, StringComparison.OrdinalIgnoreCase);
    }
}
