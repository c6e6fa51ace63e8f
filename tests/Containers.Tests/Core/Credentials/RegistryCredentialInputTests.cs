using System.Security;
using Containers.Credentials;
using Containers.Engine.Credentials;
using Containers.Errors;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Credentials
{
    /// <summary>What -Credential and -Token carry, as registry credentials; bad input refused without echoing it.</summary>
    public class RegistryCredentialInputTests
    {
        private static SecureString Secure(string text) => SecureStrings.From(text);

        [Fact]
        public void A_user_name_and_password_and_a_token_become_credentials()
        {
            RegistryCredential login = RegistryCredentialInput.FromPassword("tester", Secure("p@ss wörd"), "Credential");
            Assert.Equal(("tester", "p@ss wörd", false), (login.UserName, login.Secret, login.IsIdentityToken));

            RegistryCredential token = RegistryCredentialInput.FromIdentityToken(Secure("refresh-1"), "Token");
            Assert.Equal(("refresh-1", true), (token.Secret, token.IsIdentityToken));
        }

        [Fact]
        public void A_pasted_user_colon_password_is_refused_without_repeating_it()
        {
            var refused = Assert.Throws<InvalidParameterException>(() => RegistryCredentialInput.FromPassword("tester:hunter2", Secure("x"), "Credential"));
            Assert.Equal(("Credential", (object?)null), (refused.ParamName, refused.Value));
            Assert.DoesNotContain("hunter2", refused.Reason, System.StringComparison.Ordinal);
            Assert.Equal("InvalidCredential", ErrorClassifier.Classify(refused, null).ErrorId);

            Assert.Equal("InvalidToken", ErrorClassifier.Classify(Assert.Throws<InvalidParameterException>(() => RegistryCredentialInput.FromIdentityToken(Secure(string.Empty), "Token")), null).ErrorId);
        }
    }
}
