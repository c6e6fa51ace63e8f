using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Containers.Provisioning.Certificates
{
    /// <summary>A certificate the authority issued and its new private key, both as PEM, ready to be written to files.</summary>
    public sealed class IssuedCertificate
    {
        internal IssuedCertificate(byte[] der, string keyPem, DateTimeOffset notBefore, DateTimeOffset notAfter)
        {
            Der = der;
            CertificatePem = PemWriter.Write(PemWriter.CertificateLabel, der);
            KeyPem = keyPem;
            NotBefore = notBefore;
            NotAfter = notAfter;
            Fingerprint = FingerprintOf(der);
        }

        /// <summary>The certificate in DER.</summary>
        public byte[] Der { get; }

        public string CertificatePem { get; }

        /// <summary>The private key, an unencrypted PKCS#8 "PRIVATE KEY" block: write it to an owner-only file.</summary>
        public string KeyPem { get; }

        public DateTimeOffset NotBefore { get; }

        public DateTimeOffset NotAfter { get; }

        /// <summary>SHA-256 of the DER, as <c>openssl x509 -fingerprint -sha256</c> shows it: uppercase hex pairs joined by colons.</summary>
        public string Fingerprint { get; }

        public static string FingerprintOf(byte[] der)
        {
            using SHA256 sha = SHA256.Create();
            byte[] hash = sha.ComputeHash(der);
            var text = new StringBuilder(hash.Length * 3);
            foreach (byte b in hash)
            {
                if (text.Length > 0)
                {
                    text.Append(':');
                }

                text.Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }

            return text.ToString();
        }
    }
}
