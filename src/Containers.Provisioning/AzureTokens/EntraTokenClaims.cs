using System.Text;
using System.Text.Json;

namespace Containers.Provisioning.AzureTokens
{
    /// <summary>
    /// Reads claims from an Entra access token (a JWT) without validating it: the module only needs to know which tenant
    /// to name to the registry, and the registry validates the token itself.
    /// </summary>
    public static class EntraTokenClaims
    {
        /// <summary>The token's <c>tid</c> claim (the tenant it was issued in); null when the token is not a JWT or has none.</summary>
        public static string? ReadTenant(string token)
        {
            if (string.IsNullOrEmpty(token))
            {
                return null;
            }

            string[] parts = token.Split('.');
            if (parts.Length != 3)
            {
                return null;
            }

            byte[]? payload = DecodeBase64Url(parts[1]);
            if (payload == null)
            {
                return null;
            }

            try
            {
                using JsonDocument document = JsonDocument.Parse(payload);
                return document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("tid", out JsonElement tid)
                    && tid.ValueKind == JsonValueKind.String
                    && !string.IsNullOrWhiteSpace(tid.GetString())
                    ? tid.GetString()
                    : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        /// <summary>Base64url (RFC 7515: '-' and '_', no padding) as bytes; null when it is not base64url.</summary>
        public static byte[]? DecodeBase64Url(string text)
        {
            var builder = new StringBuilder(text.Length + 3);
            foreach (char c in text)
            {
                builder.Append(c == '-' ? '+' : c == '_' ? '/' : c);
            }

            switch (text.Length % 4)
            {
                case 1:
                    return null;
                case 2:
                    builder.Append("==");
                    break;
                case 3:
                    builder.Append('=');
                    break;
            }

            try
            {
                return Convert.FromBase64String(builder.ToString());
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }
}
