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

        // Password-based encryption of PKCS#8 keys (RFC 8018): PBES2 with PBKDF2 and its HMAC, and the ciphers inside.
        public const string Pbes2 = "1.2.840.113549.1.5.13";
        public const string Pbkdf2 = "1.2.840.113549.1.5.12";
        public const string Scrypt = "1.3.6.1.4.1.11591.4.11";
        public const string HmacWithSha1 = "1.2.840.113549.2.7";
        public const string HmacWithSha256 = "1.2.840.113549.2.9";
        public const string HmacWithSha384 = "1.2.840.113549.2.10";
        public const string HmacWithSha512 = "1.2.840.113549.2.11";
        public const string Aes128Cbc = "2.16.840.1.101.3.4.1.2";
        public const string Aes192Cbc = "2.16.840.1.101.3.4.1.22";
        public const string Aes256Cbc = "2.16.840.1.101.3.4.1.42";
        public const string DesEde3Cbc = "1.2.840.113549.3.7";
        public const string DesCbc = "1.3.14.3.2.7";
    }
}
