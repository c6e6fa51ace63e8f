using System.Text;
using System.Text.Json;
using Azure.Core;

namespace Containers.Azure.Credentials
{
    /// <summary>
    /// The token the user gave (-AccessToken, for example (Get-AzAccessToken).Token), for every request. Its expiry is
    /// read from the JWT's exp claim when there is one, so a stale token fails with a clear message before Azure is called.
    /// </summary>
    public sealed class StaticTokenCredential : TokenCredential
    {
        private readonly AccessToken _token;

        public StaticTokenCredential(string token)
        {
            if (string.IsNullOrWhiteSpace(token))
            {
                throw new ArgumentException("The access token is empty.", nameof(token));
            }

            string value = token.Trim();
            if (value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                value = value.Substring("Bearer ".Length).Trim();
            }

            _token = new AccessToken(value, ReadExpiry(value) ?? DateTimeOffset.UtcNow.AddHours(1));
        }

        public DateTimeOffset ExpiresOn => _token.ExpiresOn;

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            if (_token.ExpiresOn <= DateTimeOffset.UtcNow)
            {
                throw new InvalidOperationException($"The access token given with -AccessToken expired at {_token.ExpiresOn:u}. Get a new one (for example with (Get-AzAccessToken).Token).");
            }

            return _token;
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new ValueTask<AccessToken>(GetToken(requestContext, cancellationToken));

        /// <summary>The exp claim of a JWT (seconds since 1970), or null when the token is not a readable JWT.</summary>
        internal static DateTimeOffset? ReadExpiry(string token)
        {
            string[] parts = token.Split('.');
            if (parts.Length != 3)
            {
                return null;
            }

            try
            {
                string payload = parts[1].Replace('-', '+').Replace('_', '/');
                payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
                using JsonDocument document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("exp", out JsonElement exp)
                    && exp.TryGetInt64(out long seconds))
                {
                    return DateTimeOffset.FromUnixTimeSeconds(seconds);
                }
            }
            catch (Exception e) when (e is FormatException || e is JsonException || e is ArgumentException)
            {
                // Not a JWT we can read: Azure will say whether it is good.
            }

            return null;
        }
    }
}
