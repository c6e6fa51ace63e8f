using Azure.Core;
using Azure.Identity;
using Containers.Provisioning.AzureTokens;

namespace Containers.Azure.Credentials
{
    /// <summary>
    /// <see cref="IAzureTokenSource"/> over an Azure.Identity credential: what the module (which never sees Azure.Core
    /// types) uses for tokens, for example for Azure Container Registry. Tokens cross as <see cref="AzureAccessToken"/>.
    /// </summary>
    public sealed class AzureTokenSource : IAzureTokenSource
    {
        private readonly TokenCredential _credential;
        private readonly string _source;

        public AzureTokenSource(TokenCredential credential, string source)
        {
            _credential = credential ?? throw new ArgumentNullException(nameof(credential));
            _source = source;
        }

        /// <summary>The module's credential order for this process, with the user's token when given.</summary>
        public static AzureTokenSource ForProcess(string? accessToken)
        {
            var environment = AzureCredentialChain.ProcessEnvironment();
            var plan = AzureCredentialChain.Plan(accessToken, environment, Environment.UserInteractive);
            return new AzureTokenSource(AzureCredentialChain.Build(plan, accessToken, environment), string.Join(", ", plan));
        }

        public TokenCredential Credential => _credential;

        public async Task<AzureAccessToken> GetTokenAsync(string[] scopes, CancellationToken cancellationToken)
        {
            try
            {
                AccessToken token = await _credential.GetTokenAsync(new TokenRequestContext(scopes), cancellationToken).ConfigureAwait(false);
                return new AzureAccessToken(token.Token, token.ExpiresOn) { Source = _source };
            }
            catch (AuthenticationFailedException e)
            {
                // The module knows no Azure.Identity type: the failure crosses as a plain exception with every credential's reason.
                throw new InvalidOperationException($"No Azure credential gave a token (tried: {_source}). {e.Message}", e);
            }
        }
    }
}
