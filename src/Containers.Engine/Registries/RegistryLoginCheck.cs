using System.Net;
using System.Net.Http.Headers;
using Containers.Engine.Credentials;

namespace Containers.Engine.Registries
{
    /// <summary>
    /// Checks a login against the registry itself before it is stored, as <c>docker login</c> does: <c>GET /v2/</c>;
    /// on 401 with <c>Basic</c>, again with basic authentication; on 401 with <c>Bearer realm=...,service=...</c>, a token
    /// from the realm (basic authentication there, or the refresh-token grant for an identity token), then
    /// <c>GET /v2/</c> with that token. HTTPS always, with the certificate verified; plain HTTP only for a loopback
    /// registry, and only when the caller allows it (the engine treats 127.0.0.0/8 as insecure by default too).
    /// </summary>
    public sealed class RegistryLoginCheck
    {
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

        private const string ApiRoot = "v2/";

        public RegistryLoginCheck(TimeSpan? timeout = null)
        {
            Timeout = timeout ?? DefaultTimeout;
        }

        /// <summary>How long each request may wait for its answer.</summary>
        public TimeSpan Timeout { get; }

        /// <summary>Proves the credential at the registry (host, <c>docker.io</c> or URL).</summary>
        /// <param name="allowInsecure">Allow plain HTTP, for a loopback registry only (as <c>--insecure-registry</c> would).</param>
        /// <exception cref="RegistryCredentialsRejectedException">The registry refused the credential.</exception>
        /// <exception cref="RegistryUnreachableException">The registry could not be reached, its TLS failed, or it did not answer in time.</exception>
        /// <exception cref="RegistryException">The registry answered in a way that proves nothing (not a v2 registry, an unsupported challenge).</exception>
        /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
        public async Task<RegistryLoginResult> VerifyAsync(string registry, RegistryCredential credential, bool allowInsecure = false, CancellationToken cancellationToken = default)
        {
            if (credential == null)
            {
                throw new ArgumentNullException(nameof(credential));
            }

            string key = RegistryServerAddress.Normalize(registry);
            string name = RegistryServerAddress.ToDisplayName(key);
            string host = RegistryHttp.ApiHost(key);
            bool plainHttp = allowInsecure && LoopbackHost.IsLoopback(host);

            using var http = new RegistryHttp(name, Timeout, cancellationToken);
            (Uri root, HttpResponseMessage ping) = await http.GetFirstAsync(host, ApiRoot, plainHttp).ConfigureAwait(false);
            var endpoint = new Uri(root, ApiRoot);
            List<RegistryChallenge> challenges;
            using (ping)
            {
                if (ping.IsSuccessStatusCode)
                {
                    return new RegistryLoginResult(key, endpoint, credentialsChecked: false);
                }

                if (ping.StatusCode != HttpStatusCode.Unauthorized)
                {
                    throw new RegistryException(
                        $"{name} answered {RegistryAnswer.Describe(ping)} at {endpoint}, where a Docker registry answers 200 or 401: it is not one, or not its v2 API.{await RegistryAnswer.QuoteAsync(ping).ConfigureAwait(false)}",
                        name, ping.StatusCode);
                }

                challenges = RegistryChallenge.ReadAll(ping);
            }

            AuthenticationHeaderValue authorization;
            RegistryChallenge? bearer = challenges.FirstOrDefault(challenge => challenge.Is("Bearer"));
            if (bearer != null)
            {
                string token = await RegistryTokenService.FetchAsync(http, bearer, credential, allowInsecure).ConfigureAwait(false);
                authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            else
            {
                if (challenges.Count > 0 && !challenges.Any(challenge => challenge.Is("Basic")))
                {
                    throw new RegistryException(
                        $"{name} asks for {string.Join(" or ", challenges.Select(challenge => challenge.Scheme))} authentication; only Basic and Bearer (token) authentication are supported.",
                        name, HttpStatusCode.Unauthorized);
                }

                if (credential.IsIdentityToken)
                {
                    throw new RegistryException($"{name} takes a user name and password (basic authentication), not an identity token.", name, HttpStatusCode.Unauthorized);
                }

                authorization = RegistryHttp.Basic(credential);
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
            request.Headers.Authorization = authorization;
            using HttpResponseMessage answer = await http.SendAsync(request).ConfigureAwait(false);
            if (answer.IsSuccessStatusCode)
            {
                return new RegistryLoginResult(key, endpoint, credentialsChecked: true);
            }

            if (answer.StatusCode == HttpStatusCode.Unauthorized || answer.StatusCode == HttpStatusCode.Forbidden)
            {
                throw new RegistryCredentialsRejectedException(
                    $"{name} refused the credentials of {credential} ({RegistryAnswer.Describe(answer)}).{await RegistryAnswer.QuoteAsync(answer).ConfigureAwait(false)}",
                    name, answer.StatusCode);
            }

            throw new RegistryException($"{name} answered {RegistryAnswer.Describe(answer)} at {endpoint} to an authenticated request.{await RegistryAnswer.QuoteAsync(answer).ConfigureAwait(false)}", name, answer.StatusCode);
        }
    }
}
