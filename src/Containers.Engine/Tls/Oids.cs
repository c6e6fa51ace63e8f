namespace Containers.Engine.Tls
{
    /// <summary>The object identifiers the key and PKCS#12 code reads and writes.</summary>
    internal static class Oids
    {
        public const string Rsa = "1.2.840.113549.1.1.1";
        public const string EcPublicKey = "1.2.840.10045.2.1";
        public const string NistP256 = "1.2.840.10045.3.1.7";
        public const string NistP384 = "1.3.132.0.34";
        public const string NistP521 = "1.3.132.0.35";

        public const string Data = "1.2.840.113549.1.7.1";
        public const string Sha1 = "1.3.14.3.2.26";
        public const string PbeWithSha1And3KeyTripleDesCbc = "1.2.840.113549.1.12.1.3";
        public const string Pkcs12ShroudedKeyBag = "1.2.840.113549.1.12.10.1.2";
        public const string Pkcs12CertBag = "1.2.840.113549.1.12.10.1.3";
        public const string X509CertificateInBag = "1.2.840.113549.1.9.22.1";
        public const string LocalKeyId = "1.2.840.113549.1.9.21";
    }
}
