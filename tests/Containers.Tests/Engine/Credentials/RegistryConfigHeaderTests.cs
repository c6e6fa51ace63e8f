using System.Text;
using System.Text.Json;
using Containers.Engine.Credentials;
using Xunit;

namespace Containers.Tests.Engine.Credentials
{
    public sealed class RegistryConfigHeaderTests
    {
        [Fact]
        public void Logins_are_a_URL_safe_base64_JSON_map_keyed_as_the_store_keys_them()
        {
            string? header = RegistryConfigHeader.Encode(new[]
            {
                new KeyValuePair<string, RegistryCredential>("127.0.0.1:5000", new RegistryCredential("tester", "p+a/s?s>>>")),
                new KeyValuePair<string, RegistryCredential>("docker.io", RegistryCredential.FromIdentityToken("refresh")),
            });

            Assert.NotNull(header);
            Assert.DoesNotContain('+', header!);
            Assert.DoesNotContain('/', header!);
            using JsonDocument json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header!.Replace('-', '+').Replace('_', '/'))));
            JsonElement local = json.RootElement.GetProperty("127.0.0.1:5000");
            Assert.Equal(("tester", "p+a/s?s>>>", "127.0.0.1:5000"), (local.GetProperty("username").GetString(), local.GetProperty("password").GetString(), local.GetProperty("serveraddress").GetString()));
            JsonElement hub = json.RootElement.GetProperty(RegistryServerAddress.DockerHub);
            Assert.Equal("refresh", hub.GetProperty("identitytoken").GetString());
            Assert.False(hub.TryGetProperty("password", out _));
        }

        [Fact]
        public void No_logins_send_no_header() => Assert.Null(RegistryConfigHeader.Encode(Array.Empty<KeyValuePair<string, RegistryCredential>>()));
    }
}
