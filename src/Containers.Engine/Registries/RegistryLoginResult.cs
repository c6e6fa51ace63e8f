namespace Containers.Engine.Registries
{
    /// <summary>What a successful login check found.</summary>
    public sealed class RegistryLoginResult
    {
        public RegistryLoginResult(string serverAddress, Uri endpoint, bool credentialsChecked)
        {
            ServerAddress = serverAddress;
            Endpoint = endpoint;
            CredentialsChecked = credentialsChecked;
        }

        /// <summary>The key to store the login under (<see cref="Credentials.RegistryServerAddress.Normalize"/>).</summary>
        public string ServerAddress { get; }

        /// <summary>The registry's API root that answered: <c>https://host/v2/</c>, or <c>http://</c> for an insecure loopback registry.</summary>
        public Uri Endpoint { get; }

        /// <summary>
        /// False when the registry asks for no credentials at all: anything would pass, so nothing was proven (the docker
        /// CLI's login succeeds there too).
        /// </summary>
        public bool CredentialsChecked { get; }

        /// <summary>True when the registry answered over plain HTTP.</summary>
        public bool IsInsecure => Endpoint.Scheme == Uri.UriSchemeHttp;
    }
}
