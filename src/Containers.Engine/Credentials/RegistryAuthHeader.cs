using System.Text.Json;

namespace Containers.Engine.Credentials
{
    /// <summary>
    /// The <c>X-Registry-Auth</c> header of pull and push: JSON <c>{"username","password","serveraddress"}</c> or
    /// <c>{"identitytoken","serveraddress"}</c>, in URL-safe base64 with padding (Go's base64.URLEncoding, which the engine
    /// decodes; standard base64's '+' and '/' break it). Without credentials it is <c>e30=</c>, "{}": a push needs the
    /// header even then (the engine answers 400 without it).
    /// </summary>
    public static class RegistryAuthHeader
    {
        public const string Name = "X-Registry-Auth";

        /// <summary>The header for no credentials: "{}".</summary>
        public const string Anonymous = "e30=";

        /// <summary>The header value for the credential (null: <see cref="Anonymous"/>) at the registry (host, <c>docker.io</c> or URL).</summary>
        public static string Encode(RegistryCredential? credential, string registry)
        {
            if (credential == null)
            {
                return Anonymous;
            }

            string serverAddress = RegistryServerAddress.Normalize(registry);
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                if (credential.IsIdentityToken)
                {
                    writer.WriteString("identitytoken", credential.Secret);
                }
                else
                {
                    writer.WriteString("username", credential.UserName);
                    writer.WriteString("password", credential.Secret);
                }

                writer.WriteString("serveraddress", serverAddress);
                writer.WriteEndObject();
            }

            return ToBase64Url(buffer.ToArray());
        }

        /// <summary>URL-safe base64 with '=' padding kept, as Go's base64.URLEncoding writes it.</summary>
        internal static string ToBase64Url(byte[] bytes) => Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_');
    }
}
