using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Text;
using Containers.Provisioning.Certificates;

namespace Containers.Azure
{
    /// <summary>
    /// The SSH key of an Azure host's admin user (the VM allows SSH-key login only): RSA 3072, the public half in
    /// OpenSSH's one-line form for the VM, the private half as a PKCS#1 PEM that OpenSSH reads, kept in the host's folder.
    /// </summary>
    public sealed class SshKeyPair
    {
        public const string FileName = "ssh-key.pem";

        private SshKeyPair(string publicKey, string privateKeyPem)
        {
            PublicKey = publicKey;
            PrivateKeyPem = privateKeyPem;
        }

        public string PublicKey { get; }

        public string PrivateKeyPem { get; }

        public static SshKeyPair Create(string comment)
        {
            using RSA rsa = RSA.Create();
            rsa.KeySize = 3072;
            RSAParameters p = rsa.ExportParameters(includePrivateParameters: true);

            using var blob = new MemoryStream();
            WriteString(blob, Encoding.ASCII.GetBytes("ssh-rsa"));
            WriteString(blob, MpInt(p.Exponent!));
            WriteString(blob, MpInt(p.Modulus!));
            string publicKey = "ssh-rsa " + Convert.ToBase64String(blob.ToArray()) + " " + comment;

            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence())
            {
                writer.WriteInteger(0);
                foreach (byte[] part in new[] { p.Modulus!, p.Exponent!, p.D!, p.P!, p.Q!, p.DP!, p.DQ!, p.InverseQ! })
                {
                    writer.WriteIntegerUnsigned(part);
                }
            }

            return new SshKeyPair(publicKey, PemWriter.Write("RSA PRIVATE KEY", writer.Encode()));
        }

        private static byte[] MpInt(byte[] unsigned)
        {
            int start = 0;
            while (start < unsigned.Length - 1 && unsigned[start] == 0)
            {
                start++;
            }

            bool pad = (unsigned[start] & 0x80) != 0;
            var result = new byte[unsigned.Length - start + (pad ? 1 : 0)];
            Buffer.BlockCopy(unsigned, start, result, pad ? 1 : 0, unsigned.Length - start);
            return result;
        }

        private static void WriteString(Stream stream, byte[] value)
        {
            stream.WriteByte((byte)(value.Length >> 24));
            stream.WriteByte((byte)(value.Length >> 16));
            stream.WriteByte((byte)(value.Length >> 8));
            stream.WriteByte((byte)value.Length);
            stream.Write(value, 0, value.Length);
        }
    }
}
