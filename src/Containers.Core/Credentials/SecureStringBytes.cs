using System.Runtime.InteropServices;
using System.Security;
using System.Text;

namespace Containers.Credentials
{
    /// <summary>
    /// A SecureString's text as UTF-8 bytes, for a secret sent to the engine. The text is out of its SecureString only
    /// inside <see cref="ToUtf8"/>: the unmanaged copy is zeroed and freed and the characters cleared before it returns;
    /// the caller clears the bytes once they are sent. (No string is ever made of it: a string cannot be cleared.)
    /// </summary>
    public static class SecureStringBytes
    {
        public static byte[] ToUtf8(SecureString secret)
        {
            if (secret == null)
            {
                throw new ArgumentNullException(nameof(secret));
            }

            char[] characters = new char[secret.Length];
            IntPtr unmanaged = Marshal.SecureStringToGlobalAllocUnicode(secret);
            try
            {
                Marshal.Copy(unmanaged, characters, 0, characters.Length);
                return Encoding.UTF8.GetBytes(characters);
            }
            finally
            {
                Marshal.ZeroFreeGlobalAllocUnicode(unmanaged);
                Array.Clear(characters, 0, characters.Length);
            }
        }
    }
}
