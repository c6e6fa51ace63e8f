using System.Formats.Asn1;
using System.Security.Cryptography;

namespace Containers.Engine.Tls
{
    /// <summary>
    /// Decrypts a PKCS#8 <c>ENCRYPTED PRIVATE KEY</c> (RFC 5958 EncryptedPrivateKeyInfo) into its PrivateKeyInfo: PBES2 with
    /// PBKDF2 (HMAC-SHA1/256/384/512) and AES-CBC or 3DES-CBC, as <c>openssl genpkey -aes256</c>, <c>openssl pkey
    /// -aes256</c> and <c>openssl pkcs8 -topk8 -v2 aes-256-cbc</c> write it, and PKCS#12's SHA-1 with 3DES
    /// (<c>-v1 PBE-SHA1-3DES</c>). netstandard2.0 has no ImportEncryptedPkcs8PrivateKey, and the Pkcs package's
    /// netstandard2.0 build has no Pkcs8PrivateKeyInfo.
    /// </summary>
    internal static class EncryptedPrivateKeyInfo
    {
        /// <summary>OpenSSL's and .NET's own limit is far lower; this only stops a hostile file from pinning the CPU.</summary>
        private const int MaxIterations = 10_000_000;

        /// <exception cref="CryptographicException">The password is wrong (the padding does not check out).</exception>
        /// <exception cref="FormatException">The structure or its algorithms are not ones this reads.</exception>
        public static byte[] Decrypt(ReadOnlyMemory<byte> der, KeyPassword password)
        {
            AsnReader info = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
            AsnReader algorithm = info.ReadSequence();
            string scheme = algorithm.ReadObjectIdentifier();
            AsnReader parameters = algorithm.ReadSequence();
            byte[] encrypted = info.ReadOctetString();
            switch (scheme)
            {
                case Oids.Pbes2:
                    return DecryptPbes2(parameters, encrypted, password);
                case Oids.PbeWithSha1And3KeyTripleDesCbc:
                    return DecryptPkcs12(parameters, encrypted, password);
                default:
                    throw new FormatException($"Its key is encrypted with the scheme {scheme}; only PBES2 (PBKDF2 with AES or 3DES) and PKCS#12's SHA-1 with 3DES are supported. Re-encrypt it with: openssl pkcs8 -topk8 -v2 aes-256-cbc -in key.pem -out key-aes.pem");
            }
        }

        private static byte[] DecryptPbes2(AsnReader parameters, byte[] encrypted, KeyPassword password)
        {
            AsnReader keyDerivation = parameters.ReadSequence();
            string kdf = keyDerivation.ReadObjectIdentifier();
            if (kdf != Oids.Pbkdf2)
            {
                throw new FormatException(kdf == Oids.Scrypt
                    ? "Its key is encrypted with an scrypt-derived key, which is not supported. Re-encrypt it with: openssl pkcs8 -topk8 -v2 aes-256-cbc -in key.pem -out key-aes.pem"
                    : $"Its key's password is derived with {kdf}; only PBKDF2 is supported.");
            }

            AsnReader pbkdf2 = keyDerivation.ReadSequence();
            byte[] salt = pbkdf2.ReadOctetString();
            int iterations = Iterations(pbkdf2);
            int? keyLength = null;
            if (pbkdf2.HasData && pbkdf2.PeekTag().HasSameClassAndValue(Asn1Tag.Integer))
            {
                keyLength = pbkdf2.TryReadInt32(out int length) ? length : throw new FormatException("Its key length is out of range.");
            }

            string prf = Oids.HmacWithSha1; // the default when absent
            if (pbkdf2.HasData)
            {
                prf = pbkdf2.ReadSequence().ReadObjectIdentifier();
            }

            Func<byte[], HMAC> hmac = prf switch
            {
                Oids.HmacWithSha1 => key => new HMACSHA1(key),
                Oids.HmacWithSha256 => key => new HMACSHA256(key),
                Oids.HmacWithSha384 => key => new HMACSHA384(key),
                Oids.HmacWithSha512 => key => new HMACSHA512(key),
                _ => throw new FormatException($"Its key's password is derived with the HMAC {prf}; only HMAC-SHA1, -SHA256, -SHA384 and -SHA512 are supported."),
            };

            AsnReader encryption = parameters.ReadSequence();
            string cipherOid = encryption.ReadObjectIdentifier();
            CbcCipher cipher = CbcCipher.FromOid(cipherOid)
                ?? throw new FormatException($"Its key is encrypted with the cipher {cipherOid}; only AES-128/192/256-CBC, DES-EDE3-CBC and DES-CBC are supported.");
            byte[] iv = encryption.ReadOctetString();
            if (keyLength.HasValue && keyLength.Value != cipher.KeyLength)
            {
                throw new FormatException($"Its key length ({keyLength.Value}) does not fit {cipher.Name}.");
            }

            byte[] passwordBytes = password.Utf8();
            byte[] key = Pbkdf2.Derive(hmac, passwordBytes, salt, iterations, cipher.KeyLength);
            try
            {
                return cipher.Decrypt(key, iv, encrypted);
            }
            finally
            {
                Array.Clear(passwordBytes, 0, passwordBytes.Length);
                Array.Clear(key, 0, key.Length);
            }
        }

        private static byte[] DecryptPkcs12(AsnReader parameters, byte[] encrypted, KeyPassword password)
        {
            byte[] salt = parameters.ReadOctetString();
            int iterations = Iterations(parameters);
            byte[] encodedPassword = password.Pkcs12();
            byte[] key = Pkcs12KeyDerivation.Derive(encodedPassword, salt, iterations, Pkcs12KeyDerivation.EncryptionKey, 24);
            byte[] iv = Pkcs12KeyDerivation.Derive(encodedPassword, salt, iterations, Pkcs12KeyDerivation.InitializationVector, 8);
            try
            {
                return CbcCipher.FromOid(Oids.DesEde3Cbc)!.Decrypt(key, iv, encrypted);
            }
            finally
            {
                Array.Clear(encodedPassword, 0, encodedPassword.Length);
                Array.Clear(key, 0, key.Length);
            }
        }

        private static int Iterations(AsnReader reader)
        {
            if (!reader.TryReadInt32(out int iterations) || iterations < 1 || iterations > MaxIterations)
            {
                throw new FormatException($"Its key's iteration count is out of range (1 to {MaxIterations}).");
            }

            return iterations;
        }
    }
}
