using System.Formats.Asn1;
using System.Security.Cryptography;

namespace Containers.Engine.Tls
{
    /// <summary>Writes a key back out as an unencrypted PKCS#8 PrivateKeyInfo, the form a PKCS#12 key bag carries.</summary>
    internal static class Pkcs8Writer
    {
        public static byte[] Write(PrivateKeyMaterial key)
        {
            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence())
            {
                writer.WriteInteger(0);
                using (writer.PushSequence())
                {
                    if (key.Rsa.HasValue)
                    {
                        writer.WriteObjectIdentifier(Oids.Rsa);
                        writer.WriteNull();
                    }
                    else
                    {
                        writer.WriteObjectIdentifier(Oids.EcPublicKey);
                        writer.WriteObjectIdentifier(key.CurveOid!);
                    }
                }

                writer.WriteOctetString(key.Rsa.HasValue ? WritePkcs1(key.Rsa.Value) : WriteSec1(key.Ec!.Value));
            }

            return writer.Encode();
        }

        private static byte[] WritePkcs1(RSAParameters rsa)
        {
            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence())
            {
                writer.WriteInteger(0);
                foreach (byte[]? part in new[] { rsa.Modulus, rsa.Exponent, rsa.D, rsa.P, rsa.Q, rsa.DP, rsa.DQ, rsa.InverseQ })
                {
                    writer.WriteIntegerUnsigned(Trim(part!));
                }
            }

            return writer.Encode();
        }

        /// <summary>
        /// The curve is left to the PKCS#8 algorithm identifier, as OpenSSL writes it; the public point is kept, because
        /// some Windows versions refuse to import an EC key without it.
        /// </summary>
        private static byte[] WriteSec1(ECParameters ec)
        {
            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence())
            {
                writer.WriteInteger(1);
                writer.WriteOctetString(ec.D);
                byte[] point = new byte[1 + ec.Q.X!.Length + ec.Q.Y!.Length];
                point[0] = 0x04;
                Buffer.BlockCopy(ec.Q.X, 0, point, 1, ec.Q.X.Length);
                Buffer.BlockCopy(ec.Q.Y, 0, point, 1 + ec.Q.X.Length, ec.Q.Y.Length);
                using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 1)))
                {
                    writer.WriteBitString(point);
                }
            }

            return writer.Encode();
        }

        /// <summary>DER integers carry no leading zero bytes beyond the sign byte, which WriteIntegerUnsigned adds itself.</summary>
        private static byte[] Trim(byte[] value)
        {
            int start = 0;
            while (start < value.Length - 1 && value[start] == 0)
            {
                start++;
            }

            return start == 0 ? value : value.AsSpan(start).ToArray();
        }
    }
}
