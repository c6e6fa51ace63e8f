using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Containers.Engine.Credentials;

namespace Containers.Engine.Registries
{
    /// <summary>
    /// One conversation with a registry's HTTP API (a login check, a tag listing): a client of its own, the caller's
    /// cancellation, a time limit per request, and failures to connect turned into <see cref="RegistryUnreachableException"/>
    /// that name the registry and the address tried. Plain HTTP is tried only for a loopback registry, and only when the
    /// caller allows it, as dockerd treats 127.0.0.0/8 as an insecure registry by default.
    /// </summary>
    internal sealed class RegistryHttp : IDisposable
    {
        private readonly HttpClientHandler _handler;
        private readonly HttpClient _client;
        private readonly TimeSpan _timeout;
        private readonly CancellationToken _cancellation;

        public RegistryHttp(string registry, TimeSpan timeout, CancellationToken cancellation)
        {
            Registry = registry;
            _timeout = timeout;
            _cancellation = cancellation;
            _handler = new HttpClientHandler { UseCookies = false };
            _client = new HttpClient(_handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        }

        /// <summary>The registry as the user named it, for messages: <c>docker.io</c>, <c>registry.example.com:5000</c>.</summary>
        public string Registry { get; }

        /// <summary>The host that serves a registry's API: Docker Hub's key answers on registry-1.docker.io.</summary>
        public static string ApiHost(string serverAddress) =>
            serverAddress == RegistryServerAddress.DockerHub ? RegistryServerAddress.DockerHubApiHost : serverAddress;

        /// <summary>The Authorization header of basic authentication with the credential.</summary>
        public static AuthenticationHeaderValue Basic(RegistryCredential credential) =>
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credential.UserName + ":" + credential.Secret)));

        /// <summary>
        /// GETs <paramref name="path"/> (relative to the host's root, such as <c>v2/</c>) over HTTPS; when that cannot
        /// connect and <paramref name="plainHttp"/> allows it, over plain HTTP. Returns the root that answered and the answer.
        /// </summary>
        public async Task<(Uri Root, HttpResponseMessage Answer)> GetFirstAsync(string host, string path, bool plainHttp)
        {
            Uri secure = Root(Uri.UriSchemeHttps, host);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(secure, path));
                return (secure, await SendAsync(request).ConfigureAwait(false));
            }
            catch (RegistryUnreachableException overHttps) when (plainHttp)
            {
                Uri plain = Root(Uri.UriSchemeHttp, host);
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(plain, path));
                    return (plain, await SendAsync(request).ConfigureAwait(false));
                }
                catch (RegistryUnreachableException overHttp)
                {
                    throw new RegistryUnreachableException($"{overHttps.Message} Over plain HTTP: {overHttp.Message}", Registry, overHttp);
                }
            }
            catch (RegistryUnreachableException overHttps) when (LoopbackHost.IsLoopback(host))
            {
                throw new RegistryUnreachableException(overHttps.Message + " (A loopback registry is tried over plain HTTP only when insecure access is allowed.)", Registry, overHttps.InnerException);
            }
        }

        /// <summary>Sends one request within the time limit; the answer is read whole (registry API answers are small).</summary>
        public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(_cancellation);
            limit.CancelAfter(_timeout);
            string where = request.RequestUri!.GetLeftPart(UriPartial.Path);
            try
            {
                return await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (!_cancellation.IsCancellationRequested)
            {
                throw new RegistryUnreachableException(
                    $"{Registry} did not answer {where} within {_timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s.", Registry, e);
            }
            catch (HttpRequestException e)
            {
                throw new RegistryUnreachableException($"{Registry} cannot be reached at {where}: {Reasons(e)}", Registry, e);
            }
        }

        public void Dispose()
        {
            _client.Dispose();
            _handler.Dispose();
        }

        private Uri Root(string scheme, string host)
        {
            try
            {
                return new Uri(scheme + "://" + host + "/");
            }
            catch (UriFormatException e)
            {
                throw new ArgumentException($"'{Registry}' is not a registry host (a name or address, with an optional :port).", "registry", e);
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
