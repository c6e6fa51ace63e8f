using Containers.Engine.CredentialStore;
using Containers.Engine.Credentials;


namespace Containers.Models
{
    /// <summary>
    /// A registry login as the docker CLI keeps it: which registry, who, and where the secret is stored. Never the secret
    /// itself. Connect-ContainerRegistry returns one; Get-ContainerRegistry lists them; pipe them to Disconnect-ContainerRegistry.
    /// </summary>
    public sealed class ContainerRegistry
    {
        internal ContainerRegistry(string serverAddress, string? userName, bool isIdentityToken, CredentialLocation location, string storedIn, bool? verified)
        {
            ServerAddress = serverAddress;
            UserName = userName;
            IsIdentityToken = isIdentityToken;
            Location = location;
            StoredIn = storedIn;
            Verified = verified;
        }

        /// <summary>The registry as image references name it: <c>docker.io</c>, <c>registry.example.com:5000</c>.</summary>
        public string Registry => RegistryServerAddress.ToDisplayName(ServerAddress);

        /// <summary>The key the login is filed under: <c>https://index.docker.io/v1/</c> for Docker Hub, the host otherwise.</summary>
        public string ServerAddress { get; }

        /// <summary>Who logged in; null for an identity token (stores keep no user name beside one), or when a helper did not say.</summary>
        public string? UserName { get; }

        /// <summary>True when the login is an identity (refresh) token rather than a user name and password.</summary>
        public bool IsIdentityToken { get; }

        /// <summary>config.json itself, a credential helper, or the DOCKER_AUTH_CONFIG variable.</summary>
        public CredentialLocation Location { get; }

        /// <summary>Where exactly: the config.json path, <c>docker-credential-NAME</c>, or <c>DOCKER_AUTH_CONFIG</c>.</summary>
        public string StoredIn { get; }

        /// <summary>
        /// From Connect-ContainerRegistry: true when the registry checked the credentials, false when it asks for none (so
        /// nothing was proven). Null for logins listed by Get-ContainerRegistry, which are not checked.
        /// </summary>
        public bool? Verified { get; }

        public override string ToString() => Registry;

        internal static ContainerRegistry FromStored(StoredCredential stored, string configFile, bool? verified = null) =>
            new ContainerRegistry(stored.ServerAddress, stored.UserName, stored.IsIdentityToken, stored.Location, DescribeLocation(stored.Location, stored.HelperName, configFile), verified);

        internal static string DescribeLocation(CredentialLocation location, string? helperName, string configFile) =>
            location == CredentialLocation.Helper ? CredentialHelper.ProgramPrefix + helperName
            : location == CredentialLocation.EnvironmentVariable ? "DOCKER_AUTH_CONFIG"
            : configFile;
    }
}
