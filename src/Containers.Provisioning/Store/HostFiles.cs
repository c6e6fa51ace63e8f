namespace Containers.Provisioning.Store
{
    /// <summary>
    /// The files of a store, by fixed names relative to the store's root, so the store can be moved or copied to another
    /// machine and still work. The host folder's ca.pem, cert.pem and key.pem are what DOCKER_CERT_PATH expects.
    /// </summary>
    public static class HostFiles
    {
        /// <summary>The folder of the store's authority, beside the hosts (a host name cannot clash with it).</summary>
        public const string AuthorityFolder = "certs";

        public const string HostsFolder = "hosts";

        public const string AuthorityCertificate = "ca.pem";
        public const string AuthorityKey = "ca-key.pem";

        public const string Record = "host.json";
        public const string ClientCertificate = "cert.pem";
        public const string ClientKey = "key.pem";
        public const string ServerCertificate = "server-cert.pem";
        public const string ServerKey = "server-key.pem";

        /// <summary>Folders being made or removed start with this, which no host name can, so listings skip them.</summary>
        public const string TemporaryPrefix = ".";
    }
}
