using Containers.Engine.Credentials;

namespace Containers.Engine.CredentialStore
{
    /// <summary>A registry the docker credential store holds a login for: who, and where it is kept. Never the secret.</summary>
    public sealed class StoredCredential
    {
        public StoredCredential(string serverAddress, string? userName, CredentialLocation location, string? helperName)
        {
            ServerAddress = serverAddress;
            IsIdentityToken = userName == RegistryCredential.IdentityTokenUserName;
            UserName = IsIdentityToken || string.IsNullOrEmpty(userName) ? null : userName;
            Location = location;
            HelperName = helperName;
        }

        /// <summary>The registry as users name it: <c>docker.io</c>, <c>registry.example.com:5000</c>.</summary>
        public string Registry => RegistryServerAddress.ToDisplayName(ServerAddress);

        /// <summary>The key the login is filed under: <c>https://index.docker.io/v1/</c>, <c>registry.example.com:5000</c>.</summary>
        public string ServerAddress { get; }

        /// <summary>The user name; null for an identity token, or when the helper did not say.</summary>
        public string? UserName { get; }

        public bool IsIdentityToken { get; }

        public CredentialLocation Location { get; }

        /// <summary>The helper's name (<c>pass</c>) when <see cref="Location"/> is <see cref="CredentialLocation.Helper"/>.</summary>
        public string? HelperName { get; }

        public override string ToString() =>
            Registry + " (" + (IsIdentityToken ? "identity token" : UserName ?? "unknown user") + ", "
            + (Location == CredentialLocation.Helper ? CredentialHelper.ProgramPrefix + HelperName : Location == CredentialLocation.ConfigFile ? "config.json" : EnvironmentAuthConfig.Variable) + ")";
    }
}
