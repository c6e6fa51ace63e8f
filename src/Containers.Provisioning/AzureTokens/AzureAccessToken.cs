namespace Containers.Provisioning.AzureTokens
{
    /// <summary>
    /// An Entra access token as plain values. The Azure libraries load apart from the module (their own load context), so
    /// no Azure.Core type may cross into the module's code: tokens cross as this.
    /// </summary>
    public sealed class AzureAccessToken
    {
        public AzureAccessToken(string token, DateTimeOffset expiresOn)
        {
            Token = token ?? throw new ArgumentNullException(nameof(token));
            ExpiresOn = expiresOn;
        }

        /// <summary>The bearer token.</summary>
        public string Token { get; }

        public DateTimeOffset ExpiresOn { get; }

        /// <summary>Who gave the token (for example "ManagedIdentity", "AzureCli"), for verbose output and errors.</summary>
        public string? Source { get; set; }
    }
}
