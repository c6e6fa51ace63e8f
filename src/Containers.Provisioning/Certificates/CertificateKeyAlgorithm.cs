namespace Containers.Provisioning.Certificates
{
    /// <summary>The key a certificate is issued for. Both are accepted by dockerd, the docker CLI and SslStream on every runtime we load in.</summary>
    public enum CertificateKeyAlgorithm
    {
        /// <summary>RSA 2048 signed with SHA-256 and PKCS#1 v1.5 padding, as docker-machine issued them: the widest support.</summary>
        Rsa2048,

        /// <summary>ECDSA on NIST P-256 with SHA-256: smaller keys, made in a fraction of the time.</summary>
        EcdsaP256,
    }
}
