using System.Security.Cryptography;
using System.Text;

namespace Containers.Engine.Tls
{
    /// <summary>
    /// The PKCS#12 password-to-key function (RFC 7292 appendix B.2) with SHA-1, which the classic PKCS#12 encryption and
    /// MAC use. Written here because netstandard2.0 has neither Pkcs12Builder nor any public form of this function.
    /// </summary>
    internal static class Pkcs12KeyDerivation
    {
        public const byte EncryptionKey = 1;
        public const byte InitializationVector = 2;
        public const byte MacKey = 3;

        private const int HashLength = 20; // u: SHA-1's output
        private const int BlockLength = 64; // v: SHA-1's input block

        /// <summary>A password as PKCS#12 hashes it: UTF-16 big-endian with a two-byte terminator.</summary>
        public static byte[] EncodePassword(string password) => EncodePassword(password.ToCharArray());

        /// <summary>As <see cref="EncodePassword(string)"/>, from characters the caller can clear afterwards.</summary>
        public static byte[] EncodePassword(char[] password)
        {
            byte[] result = new byte[(password.Length + 1) * 2];
            Encoding.BigEndianUnicode.GetBytes(password, 0, password.Length, result, 0);
            return result;
        }

        public static byte[] Derive(byte[] encodedPassword, byte[] salt, int iterations, byte purpose, int length)
        {
            byte[] diversifier = new byte[BlockLength];
            for (int i = 0; i < diversifier.Length; i++)
            {
                diversifier[i] = purpose;
            }

            byte[] saltPart = RepeatToBlocks(salt);
            byte[] passwordPart = RepeatToBlocks(encodedPassword);
            byte[] input = new byte[saltPart.Length + passwordPart.Length];
            Buffer.BlockCopy(saltPart, 0, input, 0, saltPart.Length);
            Buffer.BlockCopy(passwordPart, 0, input, saltPart.Length, passwordPart.Length);

            byte[] result = new byte[length];
            using SHA1 sha1 = SHA1.Create();
            for (int produced = 0; produced < length; produced += HashLength)
            {
                byte[] digest = new byte[BlockLength + input.Length];
                Buffer.BlockCopy(diversifier, 0, digest, 0, BlockLength);
                Buffer.BlockCopy(input, 0, digest, BlockLength, input.Length);
                byte[] hash = sha1.ComputeHash(digest);
                for (int round = 1; round < iterations; round++)
                {
                    hash = sha1.ComputeHash(hash);
                }

                Buffer.BlockCopy(hash, 0, result, produced, Math.Min(HashLength, length - produced));
                if (produced + HashLength < length)
                {
                    AddToEachBlock(input, hash);
                }
            }

            return result;
        }

        /// <summary>Repeats the bytes to fill a whole number of 64-byte blocks (none for empty input).</summary>
        private static byte[] RepeatToBlocks(byte[] value)
        {
            if (value.Length == 0)
            {
                return value;
            }

            byte[] result = new byte[BlockLength * ((value.Length + BlockLength - 1) / BlockLength)];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = value[i % value.Length];
            }

            return result;
        }

        /// <summary>Each 64-byte block of <paramref name="input"/> becomes (block + B + 1) mod 2^512, B being the hash repeated.</summary>
        private static void AddToEachBlock(byte[] input, byte[] hash)
        {
            for (int block = 0; block < input.Length; block += BlockLength)
            {
                int carry = 1;
                for (int i = BlockLength - 1; i >= 0; i--)
                {
                    int sum = input[block + i] + hash[i % HashLength] + carry;
                    input[block + i] = (byte)sum;
                    carry = sum >> 8;
                }
            }
        }
    }
}
