using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Containers.Engine.Credentials;

namespace Containers.Engine.Registries
{
    /// <summary>
    /// Reads from a registry's v2 API directly, for what the engine has no endpoint for: a repository's tag list
    /// (<c>GET /v2/NAME/tags/list</c>). It answers the registry's challenge as <see cref="RegistryLoginCheck"/> does
    /// (basic authentication, or a token from the realm, anonymous when there is no credential), and follows the
    /// <c>Link</c> header from page to page. HTTPS always; plain HTTP only for a loopback registry when allowed.
    /// </summary>
    public sealed class RegistryClient
    {
        public RegistryClient(TimeSpan? timeout = null)
        {
            Timeout = timeout ?? RegistryLoginCheck.DefaultTimeout;
        }

        /// <summary>How long each request may wait for its answer.</summary>
        public TimeSpan Timeout { get; }

        /// <summary>Tags asked for per page (<c>n</c>); null lets the registry decide, and it may send all at once.</summary>
        public int? PageSize { get; set; }

        /// <summary>Every tag of the repository, in the registry's order (lexical, for the reference registry).</summary>
        /// <param name="registry">The registry: a host, <c>docker.io</c>, or a stored login's key.</param>
        /// <param name="repository">The repository's path inside the registry: <c>team/app</c>, <c>library/nginx</c>.</param>
        /// <param name="credential">The login to answer a challenge with; null asks anonymously.</param>
        /// <param name="allowInsecure">Allow plain HTTP, for a loopback registry only.</param>
        /// <exception cref="RegistryLoginRequiredException">The registry wants a login and none was given.</exception>
        /// <exception cref="RegistryCredentialsRejectedException">The registry refused the credential.</exception>
        /// <exception cref="RegistryRepositoryNotFoundException">The registry has no such repository.</exception>
        /// <exception cref="RegistryUnreachableException">The registry could not be reached or did not answer in time.</exception>
        /// <exception cref="RegistryException">Any other answer that is not a tag list.</exception>
        public async Task<IReadOnlyList<string>> ListTagsAsync(string registry, string repository, RegistryCredential? credential, bool allowInsecure = false, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrEmpty(repository))
            {
                throw new ArgumentException("A repository must be named.", nameof(repository));
            }

            string key = RegistryServerAddress.Normalize(registry);
            string name = RegistryServerAddress.ToDisplayName(key);
            string host = RegistryHttp.ApiHost(key);
            using var http = new RegistryHttp(name, Timeout, cancellationToken);
            var session = new Session(http, credential, allowInsecure, repository);

            string path = "v2/" + repository + "/tags/list" + (PageSize is int size ? "?n=" + size.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty);
            (Uri root, HttpResponseMessage first) = await http.GetFirstAsync(host, path, allowInsecure && LoopbackHost.IsLoopback(host)).ConfigureAwait(false);
            var page = new Uri(root, path);
            HttpResponseMessage answer = first;
            var tags = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal) { page.PathAndQuery };
            while (true)
            {
                using (answer = await session.AuthorizeIfAskedAsync(page, answer).ConfigureAwait(false))
                {
                    tags.AddRange(await ReadPageAsync(answer, page, name, repository).ConfigureAwait(false));
                    Uri? next = RegistryLinkHeader.Next(answer, page);
                    if (next == null)
                    {
                        return tags;
                    }

                    if (!string.Equals(next.GetLeftPart(UriPartial.Authority), root.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
                    {
                        // The login must not follow a link to another host.
                        throw new RegistryException($"{name} links the next page of {repository}'s tags to another server ({next.GetLeftPart(UriPartial.Authority)}); it was not followed.", name);
                    }

                    if (!seen.Add(next.PathAndQuery))
                    {
                        throw new RegistryException($"{name} links a page of {repository}'s tags back to an earlier one; the listing stopped there.", name);
                    }

                    page = next;
                }

                answer = await session.GetAsync(page).ConfigureAwait(false);
            }
        }

        private static async Task<IEnumerable<string>> ReadPageAsync(HttpResponseMessage answer, Uri page, string registry, string repository)
        {
            string body = await answer.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (answer.StatusCode == HttpStatusCode.NotFound)
            {
                throw new RegistryRepositoryNotFoundException($"{registry} has no repository '{repository}' ({RegistryAnswer.Describe(answer)}).{RegistryAnswer.Quote(body)}", registry, repository);
            }

            if (!answer.IsSuccessStatusCode)
            {
                throw new RegistryException($"{registry} answered {RegistryAnswer.Describe(answer)} at {page.GetLeftPart(UriPartial.Path)}.{RegistryAnswer.Quote(body)}", registry, answer.StatusCode);
            }

            try
            {
                using JsonDocument document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("tags", out JsonElement list))
                {
                    // A repository whose tags were all deleted answers "tags": null.
                    return list.ValueKind == JsonValueKind.Array
                        ? list.EnumerateArray().Where(tag => tag.ValueKind == JsonValueKind.String).Select(tag => tag.GetString()!).ToList()
                        : new List<string>();
                }
            }
            catch (JsonException)
            {
                // Reported below.
            }

            throw new RegistryException($"{registry} answered {page.GetLeftPart(UriPartial.Path)} with something other than a tag list.", registry, answer.StatusCode);
        }

        /// <summary>The authorization one listing earned, reused from page to page and renewed when the registry asks again.</summary>
        private sealed class Session
        {
            private readonly RegistryHttp _http;
            private readonly RegistryCredential? _credential;
            private readonly bool _allowInsecure;
            private readonly string _repository;
            private AuthenticationHeaderValue? _authorization;

            public Session(RegistryHttp http, RegistryCredential? credential, bool allowInsecure, string repository)
            {
                _http = http;
                _credential = credential;
                _allowInsecure = allowInsecure;
                _repository = repository;
            }

            public async Task<HttpResponseMessage> GetAsync(Uri page)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, page);
                request.Headers.Authorization = _authorization;
                return await _http.SendAsync(request).ConfigureAwait(false);
            }

            /// <summary>
            /// The answer as is, unless it is a 401: then the challenge is answered and the page asked for again, once.
            /// A second refusal (or a 403) is the credential's fault, or the lack of one.
            /// </summary>
            public async Task<HttpResponseMessage> AuthorizeIfAskedAsync(Uri page, HttpResponseMessage answer)
            {
                if (answer.StatusCode == HttpStatusCode.Unauthorized)
                {
                    List<RegistryChallenge> challenges;
                    using (answer)
                    {
                        challenges = RegistryChallenge.ReadAll(answer);
                    }

                    _authorization = await AnswerAsync(challenges).ConfigureAwait(false);
                    answer = await GetAsync(page).ConfigureAwait(false);
                }

                if (answer.StatusCode == HttpStatusCode.Unauthorized || answer.StatusCode == HttpStatusCode.Forbidden)
                {
                    using (answer)
                    {
                        string said = await RegistryAnswer.QuoteAsync(answer).ConfigureAwait(false);
                        if (_credential == null)
                        {
                            throw new RegistryLoginRequiredException(
                                $"{_http.Registry} lists the tags of {_repository} only with a login ({RegistryAnswer.Describe(answer)}).{said}", _http.Registry, answer.StatusCode);
                        }

                        throw new RegistryCredentialsRejectedException(
                            $"{_http.Registry} refused the credentials of {_credential} for the tags of {_repository} ({RegistryAnswer.Describe(answer)}).{said}", _http.Registry, answer.StatusCode);
                    }
                }

                return answer;
            }

            private async Task<AuthenticationHeaderValue?> AnswerAsync(List<RegistryChallenge> challenges)
            {
                RegistryChallenge? bearer = challenges.FirstOrDefault(challenge => challenge.Is("Bearer"));
                if (bearer != null)
                {
                    return new AuthenticationHeaderValue("Bearer", await RegistryTokenService.FetchAsync(_http, bearer, _credential, _allowInsecure).ConfigureAwait(false));
                }

                if (challenges.Count > 0 && !challenges.Any(challenge => challenge.Is("Basic")))
                {
                    throw new RegistryException(
                        $"{_http.Registry} asks for {string.Join(" or ", challenges.Select(challenge => challenge.Scheme))} authentication; only Basic and Bearer (token) authentication are supported.",
                        _http.Registry, HttpStatusCode.Unauthorized);
                }

                if (_credential == null)
                {
                    throw new RegistryLoginRequiredException($"{_http.Registry} lists the tags of {_repository} only with a login.", _http.Registry, HttpStatusCode.Unauthorized);
                }

                if (_credential.IsIdentityToken)
                {
                    throw new RegistryException($"{_http.Registry} takes a user name and password (basic authentication), not an identity token.", _http.Registry, HttpStatusCode.Unauthorized);
                }

                return RegistryHttp.Basic(_credential);
            }
        }
    }
}
