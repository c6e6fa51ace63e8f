using System.Text;
using System.Text.Json;
using Containers.Engine.Credentials;
using Xunit;

namespace Containers.Tests.Engine.Credentials
{
    /// <summary>The X-Registry-Auth value: URL-safe base64 (with padding, as Go writes it) of the JSON the engine reads.</summary>
    public sealed class RegistryAuthHeaderTests
    {
        [Fact]
        public void No_credential_is_an_empty_object()
        {
            Assert.Equal("e30=", RegistryAuthHeader.Encode(null, "127.0.0.1:5000"));
            Assert.Equal("{}", Encoding.UTF8.GetString(Convert.FromBase64String(RegistryAuthHeader.Anonymous)));
        }

        [Fact]
        public void A_password_login_carries_user_password_and_the_normalised_server_address()
        {
            string header = RegistryAuthHeader.Encode(new RegistryCredential("tester", "pa55"), "https://127.0.0.1:5000/v2/");
            using JsonDocument json = Decode(header);
            Assert.Equal("tester", json.RootElement.GetProperty("username").GetString());
            Assert.Equal("pa55", json.RootElement.GetProperty("password").GetString());
            Assert.Equal("127.0.0.1:5000", json.RootElement.GetProperty("serveraddress").GetString());
            Assert.False(json.RootElement.TryGetProperty("identitytoken", out _));
        }

        [Fact]
        public void An_identity_token_is_sent_as_identitytoken_without_user_or_password()
        {
            using JsonDocument json = Decode(RegistryAuthHeader.Encode(RegistryCredential.FromIdentityToken("refresh-xyz"), "docker.io"));
            Assert.Equal("refresh-xyz", json.RootElement.GetProperty("identitytoken").GetString());
            Assert.Equal("https://index.docker.io/v1/", json.RootElement.GetProperty("serveraddress").GetString());
            Assert.False(json.RootElement.TryGetProperty("username", out _));
            Assert.False(json.RootElement.TryGetProperty("password", out _));
        }

        [Fact]
        public void The_encoding_is_url_safe_where_standard_base64_would_use_plus_and_slash()
        {
            bool sawUrlSafeCharacters = false;
            for (int i = 0; i < 200; i++)
            {
                string password = "p" + (char)('!' + (i % 90)) + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "?>~";
                string header = RegistryAuthHeader.Encode(new RegistryCredential("u", password), "registry.example.com");
                Assert.DoesNotContain("+", header);
                Assert.DoesNotContain("/", header);
                Assert.Equal(0, header.Length % 4); // padded, as Go's base64.URLEncoding writes it
                sawUrlSafeCharacters |= header.Contains('-') || header.Contains('_');
                using JsonDocument json = Decode(header);
                Assert.Equal(password, json.RootElement.GetProperty("password").GetString());
            }

            Assert.True(sawUrlSafeCharacters, "none of the passwords produced a '+' or '/' in standard base64, so nothing was tested");
        }

        private static JsonDocument Decode(string header) =>
            JsonDocument.Parse(Convert.FromBase64String(header.Replace('-', '+').Replace('_', '/')));
    }
}
