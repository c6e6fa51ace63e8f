using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Containers.Engine.Credentials
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

        // Token services log the client; the docker CLI says "docker".
        private const string ClientId = "containers-powershell";
        private const int MaxQuotedAnswer = 300;

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
            string host = key == RegistryServerAddress.DockerHub ? RegistryServerAddress.DockerHubApiHost : key;
            bool plainHttp = allowInsecure && LoopbackHost.IsLoopback(host);

            using var handler = new HttpClientHandler { UseCookies = false };
            using var client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            var call = new Call(this, client, name, cancellationToken);

            (Uri endpoint, HttpResponseMessage ping) = await PingAsync(call, host, plainHttp).ConfigureAwait(false);
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
                        $"{name} answered {Describe(ping)} at {endpoint}, where a Docker registry answers 200 or 401: it is not one, or not its v2 API.{await QuoteAsync(ping).ConfigureAwait(false)}",
                        name, ping.StatusCode);
                }

                challenges = RegistryChallenge.ReadAll(ping);
            }

            AuthenticationHeaderValue authorization;
            RegistryChallenge? bearer = challenges.FirstOrDefault(challenge => challenge.Is("Bearer"));
            if (bearer != null)
            {
                string token = await FetchTokenAsync(call, bearer, credential, allowInsecure).ConfigureAwait(false);
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

                authorization = Basic(credential);
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
            request.Headers.Authorization = authorization;
            using HttpResponseMessage answer = await call.SendAsync(request).ConfigureAwait(false);
            if (answer.IsSuccessStatusCode)
            {
                return new RegistryLoginResult(key, endpoint, credentialsChecked: true);
            }

            if (answer.StatusCode == HttpStatusCode.Unauthorized || answer.StatusCode == HttpStatusCode.Forbidden)
            {
                throw new RegistryCredentialsRejectedException(
                    $"{name} refused the credentials of {credential} ({Describe(answer)}).{await QuoteAsync(answer).ConfigureAwait(false)}",
                    name, answer.StatusCode);
            }

            throw new RegistryException($"{name} answered {Describe(answer)} at {endpoint} to an authenticated request.{await QuoteAsync(answer).ConfigureAwait(false)}", name, answer.StatusCode);
        }

        private static async Task<(Uri Endpoint, HttpResponseMessage Answer)> PingAsync(Call call, string host, bool plainHttp)
        {
            Uri secure = ApiRoot(Uri.UriSchemeHttps, host, call.Registry);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, secure);
                return (secure, await call.SendAsync(request).ConfigureAwait(false));
            }
            catch (RegistryUnreachableException overHttps) when (plainHttp)
            {
                Uri plain = ApiRoot(Uri.UriSchemeHttp, host, call.Registry);
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, plain);
                    return (plain, await call.SendAsync(request).ConfigureAwait(false));
                }
                catch (RegistryUnreachableException overHttp)
                {
                    throw new RegistryUnreachableException($"{overHttps.Message} Over plain HTTP: {overHttp.Message}", call.Registry, overHttp);
                }
            }
            catch (RegistryUnreachableException overHttps) when (LoopbackHost.IsLoopback(host))
            {
                throw new RegistryUnreachableException(overHttps.Message + " (A loopback registry is tried over plain HTTP only when insecure access is allowed.)", call.Registry, overHttps.InnerException);
            }
        }

        /// <summary>The token service's answer to the challenge: a bearer token for <c>/v2/</c>.</summary>
        private static async Task<string> FetchTokenAsync(Call call, RegistryChallenge challenge, RegistryCredential credential, bool allowInsecure)
        {
            string? realm = challenge["realm"];
            if (string.IsNullOrEmpty(realm) || !Uri.TryCreate(realm, UriKind.Absolute, out Uri? realmUri))
            {
                throw new RegistryException($"{call.Registry} asks for a token but names no usable token service (realm '{realm}').", call.Registry, HttpStatusCode.Unauthorized);
            }

            bool secure = realmUri.Scheme == Uri.UriSchemeHttps;
            if (!secure && !(realmUri.Scheme == Uri.UriSchemeHttp && allowInsecure && LoopbackHost.IsLoopback(realmUri.Authority)))
            {
                throw new RegistryException(
                    $"{call.Registry} sends logins to the token service {realmUri.GetLeftPart(UriPartial.Path)}, which is not HTTPS; the credentials were not sent.",
                    call.Registry, HttpStatusCode.Unauthorized);
            }

            var fields = new List<KeyValuePair<string, string>>();
            if (!string.IsNullOrEmpty(challenge["service"]))
            {
                fields.Add(new KeyValuePair<string, string>("service", challenge["service"]!));
            }

            if (!string.IsNullOrEmpty(challenge["scope"]))
            {
                fields.Add(new KeyValuePair<string, string>("scope", challenge["scope"]!));
            }

            fields.Add(new KeyValuePair<string, string>("client_id", ClientId));

            HttpRequestMessage request;
            if (credential.IsIdentityToken)
            {
                // An identity token is an OAuth refresh token: trade it for an access token (what the engine does).
                fields.Add(new KeyValuePair<string, string>("grant_type", "refresh_token"));
                fields.Add(new KeyValuePair<string, string>("refresh_token", credential.Secret));
                request = new HttpRequestMessage(HttpMethod.Post, realmUri) { Content = new FormUrlEncodedContent(fields) };
            }
            else
            {
                string query = string.Join("&", fields.Select(field => Uri.EscapeDataString(field.Key) + "=" + Uri.EscapeDataString(field.Value)));
                var builder = new UriBuilder(realmUri) { Query = (realmUri.Query.Length > 1 ? realmUri.Query.Substring(1) + "&" : string.Empty) + query };
                request = new HttpRequestMessage(HttpMethod.Get, builder.Uri);
                request.Headers.Authorization = Basic(credential);
            }

            using (request)
            using (HttpResponseMessage answer = await call.SendAsync(request).ConfigureAwait(false))
            {
                string body = await answer.Content.ReadAsStringAsync().ConfigureAwait(false);
                if (answer.StatusCode == HttpStatusCode.Unauthorized || answer.StatusCode == HttpStatusCode.Forbidden
                    || (credential.IsIdentityToken && answer.StatusCode == HttpStatusCode.BadRequest && body.IndexOf("invalid_grant", StringComparison.Ordinal) >= 0))
                {
                    throw new RegistryCredentialsRejectedException(
                        $"{call.Registry} refused the credentials of {credential}: its token service answered {Describe(answer)}.{Quote(body)}",
                        call.Registry, answer.StatusCode);
                }

                if (!answer.IsSuccessStatusCode)
                {
                    throw new RegistryException($"The token service of {call.Registry} answered {Describe(answer)}.{Quote(body)}", call.Registry, answer.StatusCode);
                }

                string? token = null;
                try
                {
                    using JsonDocument document = JsonDocument.Parse(body);
                    token = ReadString(document.RootElement, "token") ?? ReadString(document.RootElement, "access_token");
                }
                catch (JsonException)
                {
                    // Reported below, as for an answer without a token.
                }

                return string.IsNullOrEmpty(token)
                    ? throw new RegistryException($"The token service of {call.Registry} answered without a token.", call.Registry, answer.StatusCode)
                    : token!;
            }
        }

        private static Uri ApiRoot(string scheme, string host, string registry)
        {
            try
            {
                return new Uri(scheme + "://" + host + "/v2/");
            }
            catch (UriFormatException e)
            {
                throw new ArgumentException($"'{registry}' is not a registry host (a name or address, with an optional :port).", nameof(registry), e);
            }
        }

        private static AuthenticationHeaderValue Basic(RegistryCredential credential) =>
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credential.UserName + ":" + credential.Secret)));

        private static string Describe(HttpResponseMessage answer) =>
            "HTTP " + ((int)answer.StatusCode).ToString(CultureInfo.InvariantCulture) + (string.IsNullOrEmpty(answer.ReasonPhrase) ? string.Empty : " " + answer.ReasonPhrase);

        private static async Task<string> QuoteAsync(HttpResponseMessage answer) => Quote(await answer.Content.ReadAsStringAsync().ConfigureAwait(false));

        /// <summary>The registry's own explanation, from the error JSON registries and token services send.</summary>
        private static string Quote(string body)
        {
            string? said = null;
            try
            {
                using JsonDocument document = JsonDocument.Parse(body);
                JsonElement root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("errors", out JsonElement errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
                {
                    said = ReadString(errors[0], "message");
                }

                said ??= ReadString(root, "details") ?? ReadString(root, "error_description") ?? ReadString(root, "error");
            }
            catch (JsonException)
            {
                said = body.Trim();
            }

            if (string.IsNullOrEmpty(said))
            {
                return string.Empty;
            }

            return " It said: " + (said!.Length > MaxQuotedAnswer ? said.Substring(0, MaxQuotedAnswer) + "..." : said);
        }

        private static string? ReadString(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        /// <summary>One check's client, registry name and cancellation; every request gets its own time limit.</summary>
        private sealed class Call
        {
            private readonly RegistryLoginCheck _check;
            private readonly HttpClient _client;
            private readonly CancellationToken _cancellation;

            public Call(RegistryLoginCheck check, HttpClient client, string registry, CancellationToken cancellation)
            {
                _check = check;
                _client = client;
                Registry = registry;
                _cancellation = cancellation;
            }

            public string Registry { get; }

            public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
            {
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(_cancellation);
                limit.CancelAfter(_check.Timeout);
                string where = request.RequestUri!.GetLeftPart(UriPartial.Path);
                try
                {
                    return await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, limit.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException e) when (!_cancellation.IsCancellationRequested)
                {
                    throw new RegistryUnreachableException(
                        $"{Registry} did not answer {where} within {_check.Timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s.", Registry, e);
                }
                catch (HttpRequestException e)
                {
                    throw new RegistryUnreachableException($"{Registry} cannot be reached at {where}: {Reasons(e)}", Registry, e);
                }
            }

            private static string Reasons(Exception e)
            {
                var reasons = new List<string>();
                for (Exception? current = e; current != null; current = current.InnerException)
                {
                    if (!reasons.Contains(current.Message))
                    {
                        reasons.Add(current.Message);
                    }
                }

                return string.Join(" ", reasons);
            }
        }
    }
}
