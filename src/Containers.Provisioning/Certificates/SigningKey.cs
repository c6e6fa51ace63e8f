using System.Formats.Asn1;
using System.Reflection;
using System.Security.Cryptography;
using Containers.Engine.Tls;

namespace Containers.Provisioning.Certificates
{
    /// <summary>
    /// A key pair that certificates are issued for and signed with: its SubjectPublicKeyInfo, its key identifier, the
    /// signature it makes (SHA-256) and its PEM form. netstandard2.0 has no CertificateRequest, so the pieces a
    /// certificate needs are written here with AsnWriter.
    /// </summary>
    internal sealed class SigningKey : IDisposable
    {
        private const int RsaKeySize = 2048;

        // RSA.Create(int) exists on .NET Framework 4.7.2 and .NET Core 2.0+, not in netstandard2.0. On .NET Framework,
        // RSA.Create() is an RSACryptoServiceProvider that ignores a KeySize set after construction.
        private static readonly MethodInfo? CreateRsaOfSize = typeof(RSA).GetMethod("Create", BindingFlags.Public | BindingFlags.Static, null, new[] { typeof(int) }, null);

        private readonly RSA? _rsa;
        private readonly ECDsa? _ec;

        private SigningKey(RSA? rsa, ECDsa? ec)
        {
            _rsa = rsa;
            _ec = ec;
            SubjectPublicKeyInfo = WriteSubjectPublicKeyInfo(out byte[] publicKey);
            using SHA1 sha1 = SHA1.Create();
            KeyIdentifier = sha1.ComputeHash(publicKey);
        }

        public CertificateKeyAlgorithm Algorithm => _rsa != null ? CertificateKeyAlgorithm.Rsa2048 : CertificateKeyAlgorithm.EcdsaP256;

        /// <summary>The DER SubjectPublicKeyInfo, as it goes into a certificate.</summary>
        public byte[] SubjectPublicKeyInfo { get; }

        /// <summary>RFC 5280 4.2.1.2, method 1: the SHA-1 of the subjectPublicKey bits (what OpenSSL and Go compute too).</summary>
        public byte[] KeyIdentifier { get; }

        public static SigningKey Generate(CertificateKeyAlgorithm algorithm)
        {
            switch (algorithm)
            {
                case CertificateKeyAlgorithm.Rsa2048:
                    return new SigningKey(CreateRsa(), null);
                case CertificateKeyAlgorithm.EcdsaP256:
                    return new SigningKey(null, ECDsa.Create(ECCurve.NamedCurves.nistP256));
                default:
                    throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown key algorithm.");
            }
        }

        /// <summary>Reads a key in any form the engine's TLS code reads (PKCS#8, PKCS#1, SEC1); only RSA and P-256 can sign here.</summary>
        /// <exception cref="FormatException">Not a key, or one of another kind; the message says which.</exception>
        public static SigningKey FromPem(string pem)
        {
            PrivateKeyMaterial material = PrivateKeyReader.Read(PemBlock.ParseAll(pem));
            if (material.Rsa.HasValue)
            {
                RSA rsa = RSA.Create();
                rsa.ImportParameters(material.Rsa.Value);
                return new SigningKey(rsa, null);
            }

            if (material.CurveOid != Oids.NistP256)
            {
                throw new FormatException($"It holds an {material.Description} key; the certificate authority signs with RSA or EC P-256 keys only.");
            }

            ECDsa ec = ECDsa.Create();
            ec.ImportParameters(material.Ec!.Value);
            return new SigningKey(null, ec);
        }

        /// <summary>The private key as an unencrypted PKCS#8 "PRIVATE KEY" PEM block.</summary>
        public string ToPem()
        {
            PrivateKeyMaterial material = _rsa != null
                ? PrivateKeyMaterial.FromRsa(_rsa.ExportParameters(true))
                : PrivateKeyMaterial.FromEc(_ec!.ExportParameters(true), Oids.NistP256);
            return PemWriter.Write(PemWriter.PrivateKeyLabel, Pkcs8Writer.Write(material));
        }

        /// <summary>The AlgorithmIdentifier of the signatures this key makes, for the certificate and its TBSCertificate.</summary>
        public void WriteSignatureAlgorithm(AsnWriter writer)
        {
            using (writer.PushSequence())
            {
                if (_rsa != null)
                {
                    writer.WriteObjectIdentifier(CertificateOids.Sha256WithRsaEncryption);
                    writer.WriteNull();
                }
                else
                {
                    // RFC 5758: the ECDSA identifiers take no parameters, not even NULL.
                    writer.WriteObjectIdentifier(CertificateOids.EcdsaWithSha256);
                }
            }
        }

        /// <summary>Signs with SHA-256; an ECDSA signature comes back DER-encoded (Ecdsa-Sig-Value), as X.509 carries it.</summary>
        public byte[] Sign(byte[] data)
        {
            if (_rsa != null)
            {
                return _rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            }

            byte[] fixedWidth = _ec!.SignData(data, HashAlgorithmName.SHA256);
            int half = fixedWidth.Length / 2;
            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence())
            {
                writer.WriteIntegerUnsigned(TrimLeadingZeros(fixedWidth.AsSpan(0, half)));
                writer.WriteIntegerUnsigned(TrimLeadingZeros(fixedWidth.AsSpan(half)));
            }

            return writer.Encode();
        }

        public void Dispose()
        {
            _rsa?.Dispose();
            _ec?.Dispose();
        }

        private static RSA CreateRsa()
        {
            RSA rsa = CreateRsaOfSize?.Invoke(null, new object[] { RsaKeySize }) as RSA ?? RSA.Create();
            if (rsa.KeySize != RsaKeySize)
            {
                rsa.KeySize = RsaKeySize;
            }

            // The guard against a runtime that quietly made another size (see CreateRsaOfSize).
            int bits = rsa.ExportParameters(false).Modulus!.Length * 8;
            if (bits != RsaKeySize)
            {
                rsa.Dispose();
                throw new CryptographicException($"This runtime made a {bits}-bit RSA key where {RsaKeySize} bits were asked for. Use the EcdsaP256 key algorithm instead.");
            }

            return rsa;
        }

        private byte[] WriteSubjectPublicKeyInfo(out byte[] publicKey)
        {
            var writer = new AsnWriter(AsnEncodingRules.DER);
            if (_rsa != null)
            {
                RSAParameters parameters = _rsa.ExportParameters(false);
                var rsaPublicKey = new AsnWriter(AsnEncodingRules.DER);
                using (rsaPublicKey.PushSequence())
                {
                    rsaPublicKey.WriteIntegerUnsigned(TrimLeadingZeros(parameters.Modulus));
                    rsaPublicKey.WriteIntegerUnsigned(TrimLeadingZeros(parameters.Exponent));
                }

                publicKey = rsaPublicKey.Encode();
            }
            else
            {
                ECParameters parameters = _ec!.ExportParameters(false);
                publicKey = new byte[1 + parameters.Q.X!.Length + parameters.Q.Y!.Length];
                publicKey[0] = 0x04; // uncompressed point
                Buffer.BlockCopy(parameters.Q.X, 0, publicKey, 1, parameters.Q.X.Length);
                Buffer.BlockCopy(parameters.Q.Y, 0, publicKey, 1 + parameters.Q.X.Length, parameters.Q.Y.Length);
            }

            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                {
                    if (_rsa != null)
                    {
                        writer.WriteObjectIdentifier(Oids.Rsa);
                        writer.WriteNull();
                    }
                    else
                    {
                        writer.WriteObjectIdentifier(Oids.EcPublicKey);
                        writer.WriteObjectIdentifier(Oids.NistP256);
                    }
                }

                writer.WriteBitString(publicKey);
            }

            return writer.Encode();
        }

        /// <summary>WriteIntegerUnsigned wants the minimal big-endian form: no leading zero bytes (it adds the sign byte itself).</summary>
        private static ReadOnlySpan<byte> TrimLeadingZeros(ReadOnlySpan<byte> value)
        {
            int start = 0;
            while (start < value.Length - 1 && value[start] == 0)
            {
                start++;
            }

            return value.Slice(start);
        }
    }
}
