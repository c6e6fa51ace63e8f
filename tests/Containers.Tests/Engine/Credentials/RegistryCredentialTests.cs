using System.Diagnostics;
using System.Reflection;
using Containers.Engine.Credentials;
using Xunit;

namespace Containers.Tests.Engine.Credentials
{
    /// <summary>The credential type never shows its secret, and keeps identity tokens as the helpers do.</summary>
    public sealed class RegistryCredentialTests
    {
        [Fact]
        public void ToString_and_the_debugger_display_name_the_user_but_never_the_password()
        {
            var credential = new RegistryCredential("tester", "s3cret-Pa55");
            Assert.Equal("tester (password hidden)", credential.ToString());
            Assert.DoesNotContain("s3cret", credential.ToString());
            Assert.Equal("{ToString(),nq}", typeof(RegistryCredential).GetCustomAttribute<DebuggerDisplayAttribute>()!.Value);
            DebuggerBrowsableAttribute? hidden = typeof(RegistryCredential).GetProperty(nameof(RegistryCredential.Secret))!.GetCustomAttribute<DebuggerBrowsableAttribute>();
            Assert.Equal(DebuggerBrowsableState.Never, hidden!.State);
        }

        [Fact]
        public void An_identity_token_is_the_user_token_marker_and_the_token_as_secret()
        {
            RegistryCredential token = RegistryCredential.FromIdentityToken("refresh-abc");
            Assert.True(token.IsIdentityToken);
            Assert.Equal("<token>", token.UserName);
            Assert.Equal("refresh-abc", token.Secret);
            Assert.Equal("identity token (hidden)", token.ToString());
            Assert.False(new RegistryCredential("tester", "x").IsIdentityToken);
        }

        [Fact]
        public void A_user_name_with_a_colon_is_refused_without_quoting_it()
        {
            // A pasted "user:password" must not end up in the error record.
            var error = Assert.Throws<ArgumentException>(() => new RegistryCredential("tester:hunter2", "x"));
            Assert.DoesNotContain("hunter2", error.Message);
            Assert.Throws<ArgumentException>(() => new RegistryCredential("", "x"));
            Assert.Throws<ArgumentException>(() => RegistryCredential.FromIdentityToken(""));
        }

        [Fact]
        public void The_type_has_no_public_member_but_Secret_that_returns_the_secret()
        {
            var credential = new RegistryCredential("tester", "s3cret-Pa55");
            string[] leaking = typeof(RegistryCredential)
                .GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(property => property.Name != nameof(RegistryCredential.Secret))
                .Where(property => (property.GetValue(credential)?.ToString() ?? string.Empty).Contains("s3cret"))
                .Select(property => property.Name)
                .ToArray();
            Assert.Empty(leaking);
        }
    }
}
