using System.Security.Cryptography;

namespace Containers.Engine.Tls
{
    /// <summary>
    /// OpenSSL's old PEM encryption (RFC 1421 style: <c>Proc-Type: 4,ENCRYPTED</c> and <c>DEK-Info: CIPHER,IV</c> above a
    /// PKCS#1 or SEC1 key), as <c>openssl rsa -aes256</c> or <c>openssl genrsa -des3</c> write it with -traditional: the key
    /// is EVP_BytesToKey with MD5, one round, salted with the first eight bytes of the IV.
    /// </summary>
    internal static class LegacyPemEncryption
    {
        private const int SaltLength = 8;

        /// <exception cref="CryptographicException">The password is wrong (the padding does not check out).</exception>
        /// <exception cref="FormatException">DEK-Info is missing or names a cipher this does not read.</exception>
        public static byte[] Decrypt(PemBlock block, KeyPassword password)
        {
            if (block.DekInfo == null)
            {
                throw new FormatException("It is encrypted, but its DEK-Info header (the cipher and IV) is missing.");
            }

            string[] parts = block.DekInfo.Split(',');
            CbcCipher cipher = CbcCipher.FromName(parts[0].Trim())
                ?? throw new FormatException($"Its key is encrypted with {parts[0].Trim()}; only AES-128/192/256-CBC, DES-EDE3-CBC and DES-CBC are supported. Re-encrypt it with: openssl pkcs8 -topk8 -v2 aes-256-cbc -in key.pem -out key-aes.pem");
            byte[] iv = parts.Length == 2 ? FromHex(parts[1].Trim()) : Array.Empty<byte>();
            if (iv.Length < SaltLength)
            {
                throw new FormatException("Its DEK-Info header has no valid IV.");
            }

            byte[] passwordBytes = password.Utf8();
            byte[] key = BytesToKey(passwordBytes, iv, cipher.KeyLength);
            try
            {
                return cipher.Decrypt(key, iv, block.Data);
            }
            finally
            {
                Array.Clear(passwordBytes, 0, passwordBytes.Length);
                Array.Clear(key, 0, key.Length);
            }
        }

        /// <summary>EVP_BytesToKey(MD5, count 1): D1 = MD5(password || salt), Dn = MD5(Dn-1 || password || salt).</summary>
        private static byte[] BytesToKey(byte[] password, byte[] iv, int length)
        {
            byte[] key = new byte[length];
            byte[] previous = Array.Empty<byte>();
            using MD5 md5 = MD5.Create();
            for (int produced = 0; produced < length; produced += previous.Length)
            {
                byte[] input = new byte[previous.Length + password.Length + SaltLength];
                Buffer.BlockCopy(previous, 0, input, 0, previous.Length);
                Buffer.BlockCopy(password, 0, input, previous.Length, password.Length);
                Buffer.BlockCopy(iv, 0, input, previous.Length + password.Length, SaltLength);
                previous = md5.ComputeHash(input);
                Array.Clear(input, 0, input.Length);
                Buffer.BlockCopy(previous, 0, key, produced, Math.Min(previous.Length, length - produced));
            }

            return key;
        }

        private static byte[] FromHex(string hex)
        {
            if (hex.Length % 2 != 0)
            {
                return Array.Empty<byte>();
            }

            byte[] bytes = new byte[hex.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                if (!byte.TryParse(hex.Substring(2 * i, 2), System.Globalization.NumberStyles.HexNumber, null, out bytes[i]))
                {
                    return Array.Empty<byte>();
                }
            }

            return bytes;
        }
    }
}
