using Containers.Provisioning.Certificates;

namespace Containers.Provisioning.Store
{
    /// <summary>
    /// The certificates of one host, in memory: issued before the host is made (a remote host needs its server
    /// certificate while it is being provisioned) and written to the store only once it works.
    /// </summary>
    public sealed class HostCertificates
    {
        internal HostCertificates(string authorityPem, IssuedCertificate server, IssuedCertificate client, IReadOnlyList<string> serverNames)
        {
            AuthorityPem = authorityPem;
            Server = server;
            Client = client;
            ServerNames = serverNames;
        }

        /// <summary>The store's authority certificate: ca.pem for the engine (to check clients) and for clients (to check the engine).</summary>
        public string AuthorityPem { get; }

        /// <summary>What the engine presents: --tlscert and --tlskey.</summary>
        public IssuedCertificate Server { get; }

        /// <summary>What the module and the docker CLI present: cert.pem and key.pem.</summary>
        public IssuedCertificate Client { get; }

        /// <summary>The names the server certificate was issued for.</summary>
        public IReadOnlyList<string> ServerNames { get; }
    }
}
