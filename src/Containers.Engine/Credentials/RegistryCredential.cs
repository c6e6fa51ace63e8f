using System.Diagnostics;

namespace Containers.Engine.Credentials
{
    /// <summary>
    /// What a registry login holds: a user name and a password, or an identity token (an OAuth refresh token some
    /// registries hand out). A token is kept as the credential helpers keep it: the user name <c>&lt;token&gt;</c> and
    /// the token as the secret. The secret never appears in <see cref="ToString"/>, in the debugger's display, or in
    /// any message this library writes.
    /// </summary>
    [DebuggerDisplay("{ToString(),nq}")]
    public sealed class RegistryCredential
    {
        /// <summary>The user name the docker CLI and every credential helper use to mark an identity token.</summary>
        public const string IdentityTokenUserName = "<token>";

        /// <exception cref="ArgumentException">The user name is empty or holds a ':' (basic authentication cannot carry one), or the secret is null.</exception>
        public RegistryCredential(string userName, string secret)
        {
            if (string.IsNullOrEmpty(userName))
            {
                throw new ArgumentException("A registry credential needs a user name.", nameof(userName));
            }

            if (userName.IndexOf(':') >= 0)
            {
                // Not the name itself in the message: a pasted "user:password" would end up there.
                throw new ArgumentException("A registry user name cannot hold ':' (basic authentication has no way to send one).", nameof(userName));
            }

            UserName = userName;
            Secret = secret ?? throw new ArgumentException("A registry credential needs a password or token (it may be empty, not null).", nameof(secret));
        }

        /// <summary>A credential made of an identity token alone.</summary>
        /// <exception cref="ArgumentException">The token is null or empty.</exception>
        public static RegistryCredential FromIdentityToken(string identityToken)
        {
            if (string.IsNullOrEmpty(identityToken))
            {
                throw new ArgumentException("An identity token cannot be empty.", nameof(identityToken));
            }

            return new RegistryCredential(IdentityTokenUserName, identityToken);
        }

        /// <summary>The user name; <see cref="IdentityTokenUserName"/> for an identity token.</summary>
        public string UserName { get; }

        /// <summary>The password, or the identity token.</summary>
        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        public string Secret { get; }

        public bool IsIdentityToken => UserName == IdentityTokenUserName;

        /// <summary>Who the credential is for, never the secret: <c>tester (password hidden)</c>.</summary>
        public override string ToString() => IsIdentityToken ? "identity token (hidden)" : UserName + " (password hidden)";
    }
}
