namespace Containers.Provisioning.Certificates
{
    /// <summary>What a certificate is for, which decides its extensions.</summary>
    internal enum CertificateProfile
    {
        /// <summary>CA:true (critical), keyCertSign and cRLSign, subject key identifier.</summary>
        Authority,

        /// <summary>serverAuth, digitalSignature (and keyEncipherment for RSA), the host's names, authority key identifier.</summary>
        Server,

        /// <summary>clientAuth, digitalSignature (and keyEncipherment for RSA), authority key identifier.</summary>
        Client,
    }
}
