using System.Security;

namespace Containers.Tests.Fixtures
{
    /// <summary>SecureStrings as PowerShell hands them to -KeyPassword, -Credential and the like.</summary>
    public static class SecureStrings
    {
        public static SecureString From(string text)
        {
            var secure = new SecureString();
            foreach (char c in text)
            {
                secure.AppendChar(c);
            }

            secure.MakeReadOnly();
            return secure;
        }
    }
}
