using System.Formats.Asn1;
using System.Security;
using System.Security.Cryptography;

namespace Containers.Engine.Tls
{
    /// <summary>
    /// Reads the private key forms that OpenSSL and Docker's tooling write: PKCS#1 <c>RSA PRIVATE KEY</c>, PKCS#8
    /// <c>PRIVATE KEY</c> (RSA or EC) and SEC1 <c>EC PRIVATE KEY</c> on P-256, P-384 or P-521, each also encrypted with a
    /// password (PKCS#8 <c>ENCRYPTED PRIVATE KEY</c>, or the legacy Proc-Type header). netstandard2.0 has no
    /// ImportPkcs8PrivateKey or ImportFromPem, so the ASN.1 is read here.
    /// </summary>
    internal static class PrivateKeyReader
    {
        private const string PlainCopyAdvice = "or write an unencrypted copy with: openssl pkey -in key.pem -out key-plain.pem";

        /// <summary>Finds the one key in a PEM file's blocks (OpenSSL puts an <c>EC PARAMETERS</c> block before some EC keys).</summary>
        /// <param name="password">For an encrypted key (PKCS#8 <c>ENCRYPTED PRIVATE KEY</c>, or OpenSSL's legacy Proc-Type form).</param>
        /// <exception cref="PrivateKeyPasswordException">The key is encrypted and no password, or the wrong one, was given.</exception>
        /// <exception cref="FormatException">No key, or a key this reader cannot use; the message says which.</exception>
        public static PrivateKeyMaterial Read(IEnumerable<PemBlock> blocks, SecureString? password = null)
        {
            foreach (PemBlock block in blocks)
            {
                switch (block.Label)
                {
                    case "ENCRYPTED PRIVATE KEY":
                        return Guard(() => ReadPkcs8(Decrypt(password, key => EncryptedPrivateKeyInfo.Decrypt(block.Data, key))));
                    case "RSA PRIVATE KEY":
                        return Guard(() => PrivateKeyMaterial.FromRsa(ReadPkcs1(Plain(block, password))));
                    case "EC PRIVATE KEY":
                        return Guard(() => ReadSec1(Plain(block, password), null));
                    case "PRIVATE KEY":
                        return Guard(() => ReadPkcs8(block.Data));
                }
            }

            throw new FormatException("It holds no 'RSA PRIVATE KEY', 'EC PRIVATE KEY', 'PRIVATE KEY' or 'ENCRYPTED PRIVATE KEY' block.");
        }

        /// <summary>A PKCS#1 or SEC1 block's DER, decrypted first when it carries the legacy Proc-Type header.</summary>
        private static byte[] Plain(PemBlock block, SecureString? password) =>
            block.LegacyEncrypted ? Decrypt(password, key => LegacyPemEncryption.Decrypt(block, key)) : block.Data;

        /// <summary>
        /// Runs a decryption with the password, and tells a wrong password from a damaged file: CBC padding that does not
        /// check out, or a result that is not one ASN.1 SEQUENCE, means the password is wrong (the chance of a wrong password
        /// giving both is negligible).
        /// </summary>
        private static byte[] Decrypt(SecureString? password, Func<KeyPassword, byte[]> decrypt)
        {
            if (password == null)
            {
                throw new PrivateKeyPasswordException($"It is encrypted (protected by a password): give the password with -KeyPassword, {PlainCopyAdvice}", passwordGiven: false);
            }

            byte[] plain;
            using (KeyPassword key = KeyPassword.From(password))
            {
                try
                {
                    plain = decrypt(key);
                }
                catch (CryptographicException e)
                {
                    throw WrongPassword(e);
                }
            }

            try
            {
                var reader = new AsnReader(plain, AsnEncodingRules.BER);
                reader.ReadEncodedValue();
                if (plain[0] != 0x30 || reader.HasData)
                {
                    throw WrongPassword(null);
                }
            }
            catch (AsnContentException e)
            {
                throw WrongPassword(e);
            }

            return plain;
        }

        private static PrivateKeyPasswordException WrongPassword(Exception? inner) =>
            new PrivateKeyPasswordException("It is encrypted, and the password given does not decrypt it.", passwordGiven: true, inner);

        private static PrivateKeyMaterial Guard(Func<PrivateKeyMaterial> read)
        {
            try
            {
                return read();
            }
            catch (AsnContentException e)
            {
                throw new FormatException("Its key is not valid ASN.1: " + e.Message, e);
            }
        }

        /// <summary>RFC 8017 RSAPrivateKey: version, n, e, d, p, q, d mod (p-1), d mod (q-1), q^-1 mod p.</summary>
        internal static RSAParameters ReadPkcs1(ReadOnlyMemory<byte> der)
        {
            var outer = new AsnReader(der, AsnEncodingRules.BER);
            AsnReader sequence = outer.ReadSequence();
            if (!sequence.TryReadInt32(out int version) || version != 0)
            {
                throw new FormatException("Its RSA key has more than two primes (or an unknown version), which is not supported.");
            }

            byte[] modulus = Unsigned(sequence.ReadIntegerBytes());
            byte[] exponent = Unsigned(sequence.ReadIntegerBytes());
            int half = (modulus.Length + 1) / 2;
            var parameters = new RSAParameters
            {
                Modulus = modulus,
                Exponent = exponent,
                D = Unsigned(sequence.ReadIntegerBytes(), modulus.Length),
                P = Unsigned(sequence.ReadIntegerBytes(), half),
                Q = Unsigned(sequence.ReadIntegerBytes(), half),
                DP = Unsigned(sequence.ReadIntegerBytes(), half),
                DQ = Unsigned(sequence.ReadIntegerBytes(), half),
                InverseQ = Unsigned(sequence.ReadIntegerBytes(), half),
            };
            return parameters;
        }

        /// <summary>RFC 5208/5958 PrivateKeyInfo: version, algorithm identifier, the algorithm's own key in an OCTET STRING.</summary>
        private static PrivateKeyMaterial ReadPkcs8(ReadOnlyMemory<byte> der)
        {
            var outer = new AsnReader(der, AsnEncodingRules.BER);
            AsnReader info = outer.ReadSequence();
            info.ReadIntegerBytes(); // version 0 or 1; the fields that matter are the same
            AsnReader algorithm = info.ReadSequence();
            string algorithmOid = algorithm.ReadObjectIdentifier();
            string? curveOid = null;
            if (algorithm.HasData && algorithm.PeekTag().HasSameClassAndValue(Asn1Tag.ObjectIdentifier))
            {
                curveOid = algorithm.ReadObjectIdentifier();
            }

            byte[] privateKey = info.ReadOctetString();
            switch (algorithmOid)
            {
                case Oids.Rsa:
                    return PrivateKeyMaterial.FromRsa(ReadPkcs1(privateKey));
                case Oids.EcPublicKey:
                    return ReadSec1(privateKey, curveOid);
                default:
                    throw new FormatException($"Its key uses the algorithm {algorithmOid}; only RSA and EC keys are supported.");
            }
        }

        /// <summary>RFC 5915 ECPrivateKey: version 1, the private scalar, [0] the curve, [1] the public point.</summary>
        private static PrivateKeyMaterial ReadSec1(ReadOnlyMemory<byte> der, string? curveFromPkcs8)
        {
            var outer = new AsnReader(der, AsnEncodingRules.BER);
            AsnReader key = outer.ReadSequence();
            if (!key.TryReadInt32(out int version) || version != 1)
            {
                throw new FormatException("Its EC key has an unknown version.");
            }

            byte[] scalar = key.ReadOctetString();
            string? curveOid = curveFromPkcs8;
            byte[]? point = null;
            var curveTag = new Asn1Tag(TagClass.ContextSpecific, 0);
            var publicKeyTag = new Asn1Tag(TagClass.ContextSpecific, 1);
            if (key.HasData && key.PeekTag().HasSameClassAndValue(curveTag))
            {
                AsnReader curveChoice = key.ReadSequence(curveTag);
                if (!curveChoice.PeekTag().HasSameClassAndValue(Asn1Tag.ObjectIdentifier))
                {
                    throw new FormatException("Its EC key spells out explicit curve parameters; only named curves (P-256, P-384, P-521) are supported.");
                }

                curveOid = curveChoice.ReadObjectIdentifier();
            }

            if (key.HasData && key.PeekTag().HasSameClassAndValue(publicKeyTag))
            {
                point = key.ReadSequence(publicKeyTag).ReadBitString(out _);
            }

            if (curveOid == null)
            {
                throw new FormatException("Its EC key does not name its curve.");
            }

            (ECCurve curve, int fieldLength) = NamedCurve(curveOid);
            if (point == null)
            {
                throw new FormatException("Its EC key does not include the public key. Write a complete copy with: openssl ec -in key.pem -out key-full.pem");
            }

            if (point.Length != 1 + (2 * fieldLength) || point[0] != 0x04)
            {
                throw new FormatException("Its EC public key is not an uncompressed point; write it with: openssl ec -in key.pem -conv_form uncompressed -out key-full.pem");
            }

            var parameters = new ECParameters
            {
                Curve = curve,
                D = PadLeft(scalar, fieldLength),
                Q = new ECPoint
                {
                    X = Slice(point, 1, fieldLength),
                    Y = Slice(point, 1 + fieldLength, fieldLength),
                },
            };
            return PrivateKeyMaterial.FromEc(parameters, curveOid);
        }

        internal static (ECCurve Curve, int FieldLength) NamedCurve(string oid) => oid switch
        {
            Oids.NistP256 => (ECCurve.NamedCurves.nistP256, 32),
            Oids.NistP384 => (ECCurve.NamedCurves.nistP384, 48),
            Oids.NistP521 => (ECCurve.NamedCurves.nistP521, 66),
            _ => throw new FormatException($"Its EC key is on the curve {oid}; only P-256, P-384 and P-521 are supported."),
        };

        /// <summary>An ASN.1 INTEGER's bytes without the sign byte, left-padded to <paramref name="length"/> when given.</summary>
        private static byte[] Unsigned(ReadOnlyMemory<byte> integer, int length = 0)
        {
            ReadOnlySpan<byte> span = integer.Span;
            while (span.Length > 1 && span[0] == 0)
            {
                span = span.Slice(1);
            }

            if (integer.Length > 0 && (integer.Span[0] & 0x80) != 0)
            {
                throw new FormatException("Its key holds a negative number.");
            }

            if (length > 0 && span.Length > length)
            {
                throw new FormatException("Its key holds a number longer than the key size.");
            }

            byte[] result = new byte[Math.Max(length, span.Length)];
            span.CopyTo(result.AsSpan(result.Length - span.Length));
            return result;
        }

        /// <summary>An unsigned big-endian number (an OCTET STRING, so no sign byte), left-padded to <paramref name="length"/>.</summary>
        private static byte[] PadLeft(byte[] bytes, int length)
        {
            int start = 0;
            while (start < bytes.Length - 1 && bytes[start] == 0 && bytes.Length - start > length)
            {
                start++;
            }

            if (bytes.Length - start > length)
            {
                throw new FormatException("Its EC private key is longer than the curve allows.");
            }

            byte[] result = new byte[length];
            Buffer.BlockCopy(bytes, start, result, length - (bytes.Length - start), bytes.Length - start);
            return result;
        }

        private static byte[] Slice(byte[] source, int start, int length)
        {
            byte[] result = new byte[length];
            Buffer.BlockCopy(source, start, result, 0, length);
            return result;
        }
    }
}
