namespace Containers.Provisioning.Drivers
{
    /// <summary>A newly issued server certificate, with the store's authority, as an engine needs them.</summary>
    public sealed class ServerCertificateFiles
    {
        public ServerCertificateFiles(string authorityPem, string certificatePem, string keyPem)
        {
            AuthorityPem = authorityPem;
            CertificatePem = certificatePem;
            KeyPem = keyPem;
        }

        public string AuthorityPem { get; }

        public string CertificatePem { get; }

        public string KeyPem { get; }
    }
}
