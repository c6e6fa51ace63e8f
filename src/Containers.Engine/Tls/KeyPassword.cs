using System.Runtime.InteropServices;
using System.Security;
using System.Text;

namespace Containers.Engine.Tls
{
    /// <summary>
    /// A key's password, out of its SecureString only while a key is decrypted, and cleared again after: OpenSSL hashes
    /// the password's UTF-8 bytes, PKCS#12 its UTF-16.
    /// </summary>
    internal sealed class KeyPassword : IDisposable
    {
        private readonly char[] _characters;

        private KeyPassword(char[] characters)
        {
            _characters = characters;
        }

        public static KeyPassword From(SecureString password)
        {
            IntPtr buffer = Marshal.SecureStringToGlobalAllocUnicode(password);
            try
            {
                char[] characters = new char[password.Length];
                Marshal.Copy(buffer, characters, 0, characters.Length);
                return new KeyPassword(characters);
            }
            finally
            {
                Marshal.ZeroFreeGlobalAllocUnicode(buffer);
            }
        }

        /// <summary>As OpenSSL hashes a typed password (PBKDF2, EVP_BytesToKey). The caller clears the array.</summary>
        public byte[] Utf8() => Encoding.UTF8.GetBytes(_characters);

        /// <summary>As PKCS#12 hashes it: UTF-16 big-endian with a two-byte terminator. The caller clears the array.</summary>
        public byte[] Pkcs12() => Pkcs12KeyDerivation.EncodePassword(_characters);

        public void Dispose() => Array.Clear(_characters, 0, _characters.Length);
    }
}
