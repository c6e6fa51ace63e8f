using System.Formats.Asn1;
using System.Net;
using System.Security.Cryptography;

namespace Containers.Provisioning.Certificates
{
    /// <summary>
    /// Writes and signs an X.509 v3 certificate (RFC 5280) with AsnWriter, since netstandard2.0 has no
    /// CertificateRequest. The extensions follow what dockerd and the docker CLI (Go's crypto/x509) check: extended key
    /// usage per role, the server's names as SANs, and CA:true on the authority.
    /// </summary>
    internal static class CertificateWriter
    {
        private const int SerialNumberLength = 16;

        // RFC 5280 4.2.1.3 bits, numbered from the most significant bit of the first byte.
        private const int DigitalSignature = 0;
        private const int KeyEncipherment = 2;
        private const int KeyCertSign = 5;
        private const int CrlSign = 6;

        /// <returns>The DER certificate.</returns>
        public static byte[] Write(
            CertificateProfile profile,
            byte[] subjectName,
            SigningKey subjectKey,
            byte[] issuerName,
            SigningKey issuerKey,
            DateTimeOffset notBefore,
            DateTimeOffset notAfter,
            SubjectAlternativeNames? names)
        {
            var tbs = new AsnWriter(AsnEncodingRules.DER);
            using (tbs.PushSequence())
            {
                using (tbs.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0)))
                {
                    tbs.WriteInteger(2); // v3
                }

                tbs.WriteInteger(NewSerialNumber());
                issuerKey.WriteSignatureAlgorithm(tbs);
                tbs.WriteEncodedValue(issuerName);
                using (tbs.PushSequence())
                {
                    WriteTime(tbs, notBefore);
                    WriteTime(tbs, notAfter);
                }

                tbs.WriteEncodedValue(subjectName);
                tbs.WriteEncodedValue(subjectKey.SubjectPublicKeyInfo);
                using (tbs.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 3)))
                using (tbs.PushSequence())
                {
                    WriteExtensions(tbs, profile, subjectKey, issuerKey, names);
                }
            }

            byte[] toBeSigned = tbs.Encode();
            var certificate = new AsnWriter(AsnEncodingRules.DER);
            using (certificate.PushSequence())
            {
                certificate.WriteEncodedValue(toBeSigned);
                issuerKey.WriteSignatureAlgorithm(certificate);
                certificate.WriteBitString(issuerKey.Sign(toBeSigned));
            }

            return certificate.Encode();
        }

        private static void WriteExtensions(AsnWriter writer, CertificateProfile profile, SigningKey subjectKey, SigningKey issuerKey, SubjectAlternativeNames? names)
        {
            bool authority = profile == CertificateProfile.Authority;
            WriteExtension(writer, CertificateOids.BasicConstraints, critical: true, value =>
            {
                using (value.PushSequence())
                {
                    if (authority)
                    {
                        value.WriteBoolean(true);
                    }
                }
            });

            int[] usage = authority ? new[] { KeyCertSign, CrlSign }
                : subjectKey.Algorithm == CertificateKeyAlgorithm.Rsa2048 ? new[] { DigitalSignature, KeyEncipherment }
                : new[] { DigitalSignature }; // an EC key cannot encipher a key; it signs the key exchange
            WriteExtension(writer, CertificateOids.KeyUsage, critical: true, value => WriteNamedBits(value, usage));

            if (!authority)
            {
                WriteExtension(writer, CertificateOids.ExtendedKeyUsage, critical: false, value =>
                {
                    using (value.PushSequence())
                    {
                        value.WriteObjectIdentifier(profile == CertificateProfile.Server ? CertificateOids.ServerAuthentication : CertificateOids.ClientAuthentication);
                    }
                });
            }

            WriteExtension(writer, CertificateOids.SubjectKeyIdentifier, critical: false, value => value.WriteOctetString(subjectKey.KeyIdentifier));

            if (!authority)
            {
                WriteExtension(writer, CertificateOids.AuthorityKeyIdentifier, critical: false, value =>
                {
                    using (value.PushSequence())
                    {
                        value.WriteOctetString(issuerKey.KeyIdentifier, new Asn1Tag(TagClass.ContextSpecific, 0));
                    }
                });
            }

            if (names != null)
            {
                WriteExtension(writer, CertificateOids.SubjectAlternativeName, critical: false, value =>
                {
                    using (value.PushSequence())
                    {
                        foreach (string dns in names.DnsNames)
                        {
                            value.WriteCharacterString(UniversalTagNumber.IA5String, dns, new Asn1Tag(TagClass.ContextSpecific, 2));
                        }

                        foreach (IPAddress address in names.Addresses)
                        {
                            value.WriteOctetString(address.GetAddressBytes(), new Asn1Tag(TagClass.ContextSpecific, 7));
                        }
                    }
                });
            }
        }

        private static void WriteExtension(AsnWriter writer, string oid, bool critical, Action<AsnWriter> writeValue)
        {
            var value = new AsnWriter(AsnEncodingRules.DER);
            writeValue(value);
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(oid);
                if (critical)
                {
                    writer.WriteBoolean(true); // DER leaves out the default, FALSE
                }

                writer.WriteOctetString(value.Encode());
            }
        }

        /// <summary>A DER named bit list: bit 0 is the top bit of the first byte, and trailing zero bits are not written.</summary>
        private static void WriteNamedBits(AsnWriter writer, int[] bits)
        {
            int highest = 0;
            foreach (int bit in bits)
            {
                highest = Math.Max(highest, bit);
            }

            byte[] bytes = new byte[(highest / 8) + 1];
            foreach (int bit in bits)
            {
                bytes[bit / 8] |= (byte)(0x80 >> (bit % 8));
            }

            writer.WriteBitString(bytes, unusedBitCount: 7 - (highest % 8));
        }

        /// <summary>RFC 5280 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050; whole seconds in both.</summary>
        private static void WriteTime(AsnWriter writer, DateTimeOffset time)
        {
            DateTimeOffset utc = time.ToUniversalTime();
            utc = utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond));
            if (utc.Year < 2050)
            {
                writer.WriteUtcTime(utc);
            }
            else
            {
                writer.WriteGeneralizedTime(utc, omitFractionalSeconds: true);
            }
        }

        /// <summary>16 random bytes, positive (top bit clear) and with a non-zero first byte, so the DER INTEGER is exactly 16 bytes.</summary>
        private static byte[] NewSerialNumber()
        {
            byte[] serial = new byte[SerialNumberLength];
            using (RandomNumberGenerator random = RandomNumberGenerator.Create())
            {
                random.GetBytes(serial);
            }

            serial[0] = (byte)((serial[0] & 0x7F) | 0x40);
            return serial;
        }
    }
}
