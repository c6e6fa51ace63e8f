using System.Security.Cryptography;

namespace Containers.Engine.Tls
{
    /// <summary>
    /// PBKDF2 (RFC 8018 section 5.2) with any HMAC. netstandard2.0's Rfc2898DeriveBytes offers only HMAC-SHA1, and OpenSSL
    /// 3 encrypts keys with HMAC-SHA256.
    /// </summary>
    internal static class Pbkdf2
    {
        public static byte[] Derive(Func<byte[], HMAC> createHmac, byte[] password, byte[] salt, int iterations, int length)
        {
            byte[] result = new byte[length];
            using HMAC hmac = createHmac(password);
            byte[] saltAndIndex = new byte[salt.Length + 4];
            Buffer.BlockCopy(salt, 0, saltAndIndex, 0, salt.Length);
            int block = 1;
            for (int produced = 0; produced < length; produced += hmac.HashSize / 8, block++)
            {
                saltAndIndex[salt.Length] = (byte)(block >> 24);
                saltAndIndex[salt.Length + 1] = (byte)(block >> 16);
                saltAndIndex[salt.Length + 2] = (byte)(block >> 8);
                saltAndIndex[salt.Length + 3] = (byte)block;
                byte[] u = hmac.ComputeHash(saltAndIndex);
                byte[] t = (byte[])u.Clone();
                for (int round = 1; round < iterations; round++)
                {
                    u = hmac.ComputeHash(u);
                    for (int i = 0; i < t.Length; i++)
                    {
                        t[i] ^= u[i];
                    }
                }

                Buffer.BlockCopy(t, 0, result, produced, Math.Min(t.Length, length - produced));
            }

            return result;
        }
    }
}
