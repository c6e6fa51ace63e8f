using System.Security.Cryptography;

namespace Containers.Engine.Tls
{
    /// <summary>
    /// A block cipher in CBC mode with PKCS#7 padding, as both forms of password-protected PEM keys use it: PKCS#8's PBES2
    /// names it by object identifier, OpenSSL's legacy form by name in its DEK-Info header.
    /// </summary>
    internal sealed class CbcCipher
    {
        private readonly Func<SymmetricAlgorithm> _create;

        private CbcCipher(string name, int keyLength, Func<SymmetricAlgorithm> create)
        {
            Name = name;
            KeyLength = keyLength;
            _create = create;
        }

        public string Name { get; }

        /// <summary>Key length in bytes.</summary>
        public int KeyLength { get; }

        private static readonly CbcCipher[] Known =
        {
            new CbcCipher("AES-128-CBC", 16, Aes.Create),
            new CbcCipher("AES-192-CBC", 24, Aes.Create),
            new CbcCipher("AES-256-CBC", 32, Aes.Create),
            new CbcCipher("DES-EDE3-CBC", 24, TripleDES.Create),
            new CbcCipher("DES-CBC", 8, DES.Create),
        };

        /// <summary>The cipher a PBES2 encryption scheme names; null when it is none of these.</summary>
        public static CbcCipher? FromOid(string oid) => oid switch
        {
            Oids.Aes128Cbc => Known[0],
            Oids.Aes192Cbc => Known[1],
            Oids.Aes256Cbc => Known[2],
            Oids.DesEde3Cbc => Known[3],
            Oids.DesCbc => Known[4],
            _ => null,
        };

        /// <summary>The cipher a DEK-Info header names (OpenSSL spells them in capitals); null when it is none of these.</summary>
        public static CbcCipher? FromName(string name) =>
            Array.Find(Known, cipher => string.Equals(cipher.Name, name, StringComparison.OrdinalIgnoreCase));

        /// <exception cref="CryptographicException">The padding is wrong, which almost always means the password is.</exception>
        public byte[] Decrypt(byte[] key, byte[] iv, byte[] data)
        {
            using SymmetricAlgorithm algorithm = _create();
            algorithm.Mode = CipherMode.CBC;
            algorithm.Padding = PaddingMode.PKCS7;
            using ICryptoTransform decryptor = algorithm.CreateDecryptor(key, iv);
            return decryptor.TransformFinalBlock(data, 0, data.Length);
        }
    }
}
