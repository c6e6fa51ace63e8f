using System.Formats.Asn1;
using System.Security.Cryptography;

namespace Containers.Engine.Tls
{
    /// <summary>
    /// Writes a certificate and its private key as a password-protected PKCS#12, in memory, so that X509Certificate2 can
    /// load the pair: netstandard2.0 has neither CopyWithPrivateKey nor Pkcs12Builder (the Pkcs package's netstandard2.0
    /// build leaves it out). The layout is the classic one every loader reads, Windows 7's CryptoAPI included: the
    /// certificate in a plain safe, the key in a shrouded key bag under SHA-1 and three-key 3DES, an HMAC-SHA1 MAC.
    /// The password and the file never leave this process, so the old ciphers protect nothing that matters.
    /// </summary>
    internal static class Pkcs12Writer
    {
        /// <summary>Small, because the bytes are loaded at once; .NET's loader limits also cap the work it accepts.</summary>
        private const int Iterations = 2048;

        private static readonly Asn1Tag Explicit0 = new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true);

        public static byte[] Write(byte[] certificateDer, byte[] pkcs8PrivateKey, string password)
        {
            byte[] encodedPassword = Pkcs12KeyDerivation.EncodePassword(password);
            byte[] localKeyId;
            using (SHA1 sha1 = SHA1.Create())
            {
                localKeyId = sha1.ComputeHash(certificateDer);
            }

            byte[] certificateSafe = WriteCertificateSafe(certificateDer, localKeyId);
            byte[] keySafe = WriteKeySafe(pkcs8PrivateKey, localKeyId, encodedPassword);

            var authenticatedSafe = new AsnWriter(AsnEncodingRules.DER);
            using (authenticatedSafe.PushSequence())
            {
                WriteDataContentInfo(authenticatedSafe, certificateSafe);
                WriteDataContentInfo(authenticatedSafe, keySafe);
            }

            byte[] authenticatedSafeDer = authenticatedSafe.Encode();

            byte[] macSalt = RandomBytes(20);
            byte[] macKey = Pkcs12KeyDerivation.Derive(encodedPassword, macSalt, Iterations, Pkcs12KeyDerivation.MacKey, 20);
            byte[] mac;
            using (var hmac = new HMACSHA1(macKey))
            {
                mac = hmac.ComputeHash(authenticatedSafeDer);
            }

            var pfx = new AsnWriter(AsnEncodingRules.DER);
            using (pfx.PushSequence())
            {
                pfx.WriteInteger(3);
                WriteDataContentInfo(pfx, authenticatedSafeDer);
                using (pfx.PushSequence())
                {
                    using (pfx.PushSequence())
                    {
                        using (pfx.PushSequence())
                        {
                            pfx.WriteObjectIdentifier(Oids.Sha1);
                            pfx.WriteNull();
                        }

                        pfx.WriteOctetString(mac);
                    }

                    pfx.WriteOctetString(macSalt);
                    pfx.WriteInteger(Iterations);
                }
            }

            return pfx.Encode();
        }

        private static byte[] WriteCertificateSafe(byte[] certificateDer, byte[] localKeyId)
        {
            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence())
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(Oids.Pkcs12CertBag);
                using (writer.PushSequence(Explicit0))
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(Oids.X509CertificateInBag);
                    using (writer.PushSequence(Explicit0))
                    {
                        writer.WriteOctetString(certificateDer);
                    }
                }

                WriteLocalKeyId(writer, localKeyId);
            }

            return writer.Encode();
        }

        private static byte[] WriteKeySafe(byte[] pkcs8PrivateKey, byte[] localKeyId, byte[] encodedPassword)
        {
            byte[] salt;
            byte[] key;
            do
            {
                salt = RandomBytes(16);
                key = Pkcs12KeyDerivation.Derive(encodedPassword, salt, Iterations, Pkcs12KeyDerivation.EncryptionKey, 24);
            }
            while (TripleDES.IsWeakKey(key)); // 3DES refuses keys whose halves repeat; a new salt gives a new key

            byte[] iv = Pkcs12KeyDerivation.Derive(encodedPassword, salt, Iterations, Pkcs12KeyDerivation.InitializationVector, 8);
            byte[] encrypted;
            using (TripleDES cipher = TripleDES.Create())
            {
                cipher.Mode = CipherMode.CBC;
                cipher.Padding = PaddingMode.PKCS7;
                using ICryptoTransform encryptor = cipher.CreateEncryptor(key, iv);
                encrypted = encryptor.TransformFinalBlock(pkcs8PrivateKey, 0, pkcs8PrivateKey.Length);
            }

            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence())
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(Oids.Pkcs12ShroudedKeyBag);
                using (writer.PushSequence(Explicit0))
                using (writer.PushSequence())
                {
                    using (writer.PushSequence())
                    {
                        writer.WriteObjectIdentifier(Oids.PbeWithSha1And3KeyTripleDesCbc);
                        using (writer.PushSequence())
                        {
                            writer.WriteOctetString(salt);
                            writer.WriteInteger(Iterations);
                        }
                    }

                    writer.WriteOctetString(encrypted);
                }

                WriteLocalKeyId(writer, localKeyId);
            }

            return writer.Encode();
        }

        /// <summary>The attribute that pairs the certificate bag with its key bag.</summary>
        private static void WriteLocalKeyId(AsnWriter writer, byte[] localKeyId)
        {
            using (writer.PushSetOf())
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(Oids.LocalKeyId);
                using (writer.PushSetOf())
                {
                    writer.WriteOctetString(localKeyId);
                }
            }
        }

        private static void WriteDataContentInfo(AsnWriter writer, byte[] content)
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(Oids.Data);
                using (writer.PushSequence(Explicit0))
                {
                    writer.WriteOctetString(content);
                }
            }
        }

        private static byte[] RandomBytes(int count)
        {
            byte[] bytes = new byte[count];
            using (var random = RandomNumberGenerator.Create())
            {
                random.GetBytes(bytes);
            }

            return bytes;
        }
    }
}
