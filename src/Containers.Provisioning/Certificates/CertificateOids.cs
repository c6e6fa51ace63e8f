namespace Containers.Provisioning.Certificates
{
    /// <summary>
    /// The object identifiers a certificate we issue carries, beyond the key identifiers the engine's TLS code already
    /// names (<c>Containers.Engine.Tls.Oids</c>).
    /// </summary>
    internal static class CertificateOids
    {
        public const string Sha256WithRsaEncryption = "1.2.840.113549.1.1.11";
        public const string EcdsaWithSha256 = "1.2.840.10045.4.3.2";

        public const string CommonName = "2.5.4.3";
        public const string Organization = "2.5.4.10";

        public const string SubjectKeyIdentifier = "2.5.29.14";
        public const string KeyUsage = "2.5.29.15";
        public const string SubjectAlternativeName = "2.5.29.17";
        public const string BasicConstraints = "2.5.29.19";
        public const string AuthorityKeyIdentifier = "2.5.29.35";
        public const string ExtendedKeyUsage = "2.5.29.37";

        public const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";
        public const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";
    }
}
