using System.Net;
using System.Text.Json;

namespace Containers.Engine.Registries
{
    /// <summary>
    /// Azure Container Registry's token exchange, as <c>az acr login</c> does it: an Entra access token is posted to
    /// <c>https://REGISTRY/oauth2/exchange</c> (<c>grant_type=access_token</c>, <c>service</c>, <c>tenant</c>,
    /// <c>access_token</c>) and the registry answers with a refresh token of its own, which docker logs in with as the
    /// password of user <see cref="UserName"/>. HTTPS only: the access token is a bearer credential for the tenant.
    /// </summary>
    public sealed class AzureRegistryTokenExchange
    {
        /// <summary>The user name ACR expects beside a refresh token from the exchange (the docker CLI's and az's choice).</summary>
        public const string UserName = "00000000-0000-0000-0000-000000000000";

        private const string ExchangePath = "oauth2/exchange";

        public AzureRegistryTokenExchange(TimeSpan? timeout = null)
        {
            Timeout = timeout ?? RegistryLoginCheck.DefaultTimeout;
        }

        /// <summary>How long the exchange may wait for its answer.</summary>
        public TimeSpan Timeout { get; }

        /// <summary>
        /// For tests only: a registry on a loopback address is asked over plain HTTP, so a small local server can play ACR.
        /// Never set by the module; any other registry is asked over HTTPS whatever this says.
        /// </summary>
        internal bool AllowLoopbackHttp { get; set; }

        /// <summary>Trades the Entra access token for the registry's refresh token.</summary>
        /// <param name="loginServer">The registry's host, such as <c>myregistry.azurecr.io</c>.</param>
        /// <param name="tenant">The Entra tenant the token was issued in.</param>
        /// <exception cref="RegistryCredentialsRejectedException">The registry refused the token (HTTP 400, 401 or 403).</exception>
        /// <exception cref="RegistryUnreachableException">The registry could not be reached, its TLS failed, or it did not answer in time.</exception>
        /// <exception cref="RegistryException">The registry answered otherwise, or without a refresh token.</exception>
        public async Task<string> ExchangeAsync(string loginServer, string tenant, string accessToken, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrEmpty(loginServer))
            {
                throw new ArgumentException("The registry's login server must be named.", nameof(loginServer));
            }

            if (string.IsNullOrEmpty(accessToken))
            {
                throw new ArgumentException("The access token is empty.", nameof(accessToken));
            }

            string scheme = AllowLoopbackHttp && LoopbackHost.IsLoopback(loginServer) ? Uri.UriSchemeHttp : Uri.UriSchemeHttps;
            Uri endpoint;
            try
            {
                endpoint = new Uri(new Uri(scheme + "://" + loginServer + "/"), ExchangePath);
            }
            catch (UriFormatException e)
            {
                throw new ArgumentException($"'{loginServer}' is not a registry host (a name such as myregistry.azurecr.io).", nameof(loginServer), e);
            }

            var fields = new List<KeyValuePair<string, string>>
            {
                new KeyValuePair<string, string>("grant_type", "access_token"),
                new KeyValuePair<string, string>("service", loginServer),
                new KeyValuePair<string, string>("tenant", tenant ?? throw new ArgumentNullException(nameof(tenant))),
                new KeyValuePair<string, string>("access_token", accessToken),
            };

            using var http = new RegistryHttp(loginServer, Timeout, cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new FormUrlEncodedContent(fields) };
            using HttpResponseMessage answer = await http.SendAsync(request).ConfigureAwait(false);
            string body = await answer.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (answer.StatusCode == HttpStatusCode.Unauthorized || answer.StatusCode == HttpStatusCode.Forbidden || answer.StatusCode == HttpStatusCode.BadRequest)
            {
                // ACR answers 400 for a token it cannot read and 401 for one it will not take: either way, the token.
                throw new RegistryCredentialsRejectedException(
                    $"{loginServer} refused the Entra access token: {endpoint} answered {RegistryAnswer.Describe(answer)}.{RegistryAnswer.Quote(body)}"
                    + " The token must be an Entra access token of the registry's tenant (for https://containerregistry.azure.net), and its identity needs a role on the registry (AcrPull or higher).",
                    loginServer, answer.StatusCode);
            }

            if (!answer.IsSuccessStatusCode)
            {
                throw new RegistryException(
                    $"{loginServer} answered {RegistryAnswer.Describe(answer)} at {endpoint}, where Azure Container Registry exchanges Entra tokens; is it an Azure container registry?{RegistryAnswer.Quote(body)}",
                    loginServer, answer.StatusCode);
            }

            string? refreshToken = null;
            try
            {
                using JsonDocument document = JsonDocument.Parse(body);
                refreshToken = RegistryAnswer.ReadString(document.RootElement, "refresh_token");
            }
            catch (JsonException)
            {
                // Reported below, as for an answer without the token.
            }

            return string.IsNullOrEmpty(refreshToken)
                ? throw new RegistryException($"{loginServer} answered the token exchange at {endpoint} without a refresh token.", loginServer, answer.StatusCode)
                : refreshToken!;
        }
    }
}
