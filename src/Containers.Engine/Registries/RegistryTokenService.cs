using System.Net;
using System.Text.Json;
using Containers.Engine.Credentials;

namespace Containers.Engine.Registries
{
    /// <summary>
    /// The token flow of a registry that answers 401 with <c>Bearer realm=...,service=...[,scope=...]</c>: ask the realm
    /// for a token (with basic authentication, with the refresh-token grant for an identity token, or anonymously when
    /// there is no credential), then send it as <c>Authorization: Bearer</c>. Credentials go only to an HTTPS realm, or
    /// to a plain-HTTP one on loopback when insecure access is allowed.
    /// </summary>
    internal static class RegistryTokenService
    {
        // Token services log the client; the docker CLI says "docker".
        private const string ClientId = "containers-powershell";

        /// <summary>A bearer token for what the challenge asks (its scope, when it names one).</summary>
        /// <exception cref="RegistryCredentialsRejectedException">The token service refused the credential.</exception>
        /// <exception cref="RegistryLoginRequiredException">No credential was given and the token service wants one.</exception>
        /// <exception cref="RegistryException">The challenge names no usable realm, or the realm answers without a token.</exception>
        public static async Task<string> FetchAsync(RegistryHttp http, RegistryChallenge challenge, RegistryCredential? credential, bool allowInsecure)
        {
            string? realm = challenge["realm"];
            if (string.IsNullOrEmpty(realm) || !Uri.TryCreate(realm, UriKind.Absolute, out Uri? realmUri))
            {
                throw new RegistryException($"{http.Registry} asks for a token but names no usable token service (realm '{realm}').", http.Registry, HttpStatusCode.Unauthorized);
            }

            bool secure = realmUri.Scheme == Uri.UriSchemeHttps;
            if (!secure && !(realmUri.Scheme == Uri.UriSchemeHttp && allowInsecure && LoopbackHost.IsLoopback(realmUri.Authority)))
            {
                throw new RegistryException(
                    $"{http.Registry} sends logins to the token service {realmUri.GetLeftPart(UriPartial.Path)}, which is not HTTPS; the credentials were not sent.",
                    http.Registry, HttpStatusCode.Unauthorized);
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
            if (credential != null && credential.IsIdentityToken)
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
                if (credential != null)
                {
                    request.Headers.Authorization = RegistryHttp.Basic(credential);
                }
            }

            using (request)
            using (HttpResponseMessage answer = await http.SendAsync(request).ConfigureAwait(false))
            {
                string body = await answer.Content.ReadAsStringAsync().ConfigureAwait(false);
                if (answer.StatusCode == HttpStatusCode.Unauthorized || answer.StatusCode == HttpStatusCode.Forbidden
                    || (credential != null && credential.IsIdentityToken && answer.StatusCode == HttpStatusCode.BadRequest && body.IndexOf("invalid_grant", StringComparison.Ordinal) >= 0))
                {
                    if (credential == null)
                    {
                        throw new RegistryLoginRequiredException(
                            $"{http.Registry} gives no token without a login: its token service answered {RegistryAnswer.Describe(answer)}.{RegistryAnswer.Quote(body)}",
                            http.Registry, answer.StatusCode);
                    }

                    throw new RegistryCredentialsRejectedException(
                        $"{http.Registry} refused the credentials of {credential}: its token service answered {RegistryAnswer.Describe(answer)}.{RegistryAnswer.Quote(body)}",
                        http.Registry, answer.StatusCode);
                }

                if (!answer.IsSuccessStatusCode)
                {
                    throw new RegistryException($"The token service of {http.Registry} answered {RegistryAnswer.Describe(answer)}.{RegistryAnswer.Quote(body)}", http.Registry, answer.StatusCode);
                }

                string? token = null;
                try
                {
                    using JsonDocument document = JsonDocument.Parse(body);
                    token = RegistryAnswer.ReadString(document.RootElement, "token") ?? RegistryAnswer.ReadString(document.RootElement, "access_token");
                }
                catch (JsonException)
                {
                    // Reported below, as for an answer without a token.
                }

                return string.IsNullOrEmpty(token)
                    ? throw new RegistryException($"The token service of {http.Registry} answered without a token.", http.Registry, answer.StatusCode)
                    : token!;
            }
        }
    }
}
