using System.Text;

namespace Containers.Tests.Fixtures
{
    /// <summary>Made-up Entra access tokens for the tests that read or exchange them.</summary>
    public static class EntraTokens
    {
        public const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";

        /// <summary>An unsigned JWT as Entra's look to a reader that does not validate them; null claims are left out.</summary>
        public static string Jwt(string? tenant, string audience = "https://containerregistry.azure.net", string? padding = null)
        {
            // Written by hand: a serializer would escape the '>' and '?' of the padding, which are there for their bits.
            string claims = "{\"aud\":\"" + audience + "\",\"oid\":\"" + Guid.NewGuid() + "\""
                + (tenant == null ? string.Empty : ",\"tid\":\"" + tenant + "\"")
                + (padding == null ? string.Empty : ",\"pad\":\"" + padding + "\"")
                + "}";
            return Base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + Base64Url(claims) + ".c2lnbmF0dXJl";
        }

        private static string Base64Url(string text) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
