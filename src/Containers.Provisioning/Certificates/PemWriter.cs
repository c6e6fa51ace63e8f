using System.Text;

namespace Containers.Provisioning.Certificates
{
    /// <summary>
    /// Writes DER as a PEM block (RFC 7468): 64-character base64 lines and '\n' line ends, as Go's encoding/pem and
    /// OpenSSL write them. The reading side is <c>Containers.Engine.Tls.PemBlock</c>.
    /// </summary>
    internal static class PemWriter
    {
        public const string CertificateLabel = "CERTIFICATE";

        /// <summary>PKCS#8 PrivateKeyInfo, which dockerd and the docker CLI (Go's tls.X509KeyPair) read for RSA and EC alike.</summary>
        public const string PrivateKeyLabel = "PRIVATE KEY";

        private const int LineLength = 64;

        public static string Write(string label, byte[] der)
        {
            string base64 = Convert.ToBase64String(der);
            var text = new StringBuilder(base64.Length + (base64.Length / LineLength) + (2 * label.Length) + 40);
            text.Append("-----BEGIN ").Append(label).Append("-----\n");
            for (int start = 0; start < base64.Length; start += LineLength)
            {
                text.Append(base64, start, Math.Min(LineLength, base64.Length - start)).Append('\n');
            }

            text.Append("-----END ").Append(label).Append("-----\n");
            return text.ToString();
        }
    }
}
