using System.Net;
using System.Security;
using Containers.Engine.Credentials;
using Containers.Errors;

namespace Containers.Credentials
{
    /// <summary>
    /// Turns what a user typed (a user name and a SecureString, as PSCredential and -Token carry them) into a registry
    /// credential. The secret leaves its SecureString only here, and no error names it, nor the user name (a pasted
    /// "user:password" would put the password there).
    /// </summary>
    public static class RegistryCredentialInput
    {
        /// <exception cref="InvalidParameterException">The user name is empty or holds ':'.</exception>
        public static RegistryCredential FromPassword(string userName, SecureString password, string parameterName)
        {
            if (password == null)
            {
                throw new ArgumentNullException(nameof(password));
            }

            try
            {
                return new RegistryCredential(userName, ToText(password));
            }
            catch (ArgumentException e)
            {
                throw new InvalidParameterException(parameterName, null, e.Message.Split(new[] { " (Parameter '" }, StringSplitOptions.None)[0]);
            }
        }

        /// <exception cref="InvalidParameterException">The token is empty.</exception>
        public static RegistryCredential FromIdentityToken(SecureString token, string parameterName)
        {
            if (token == null || token.Length == 0)
            {
                throw new InvalidParameterException(parameterName, null, "The identity token is empty.");
            }

            return RegistryCredential.FromIdentityToken(ToText(token));
        }

        // NetworkCredential copies the SecureString out without leaving an unmanaged copy behind.
        private static string ToText(SecureString secret) => new NetworkCredential(string.Empty, secret).Password;
    }
}
