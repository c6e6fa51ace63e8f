using System.Diagnostics;
using System.Globalization;
using System.Net;
using Containers.Engine.Diagnostics;
using Containers.Engine.Endpoints;
using Containers.Engine.Errors;
using Containers.Engine.Http;
using Containers.Engine.Models;
using Containers.Engine.Tls;
using Containers.Engine.Transport;

namespace Containers.Engine
{
    /// <summary>
    /// A client for one Docker engine. The API version is negotiated once, on the first call, and every later path
    /// carries it. Connections are pooled; one client is meant to live as long as the session that uses it. The endpoints
    /// send through it as an <see cref="IRequestSender"/>, never knowing the client.
    /// </summary>
    public sealed class EngineClient : IRequestSender, IDisposable
    {
        private readonly HttpTransport _transport;
        private readonly EngineClientOptions _options;
        private readonly EngineCalls _calls;
        private readonly object _negotiationLock = new object();
        private Task<Version>? _negotiation;

        public EngineClient(EngineEndpoint endpoint, TlsSettings? tls = null, EngineClientOptions? options = null)
        {
            Endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
            Tls = endpoint.Kind == EngineEndpointKind.Tcp ? tls : null;
            _options = options ?? new EngineClientOptions();
            _transport = new HttpTransport(
                ConnectorFactory.Create(endpoint, Tls, _options.ConnectTimeout, _options.SshConfigFile, _options.SshPinnedHosts),
                ConnectorFactory.HostHeader(endpoint),
                _options.RequestTimeout,
                _options.MaxIdleConnections,
                _options.IdleConnectionLifetime);
            _calls = new EngineCalls(this);
            Containers = new ContainersEndpoint(_calls);
            Exec = new ExecEndpoint(_calls);
            Images = new ImagesEndpoint(_calls);
            Networks = new NetworksEndpoint(_calls);
            Volumes = new VolumesEndpoint(_calls);
            System = new SystemEndpoint(_calls);
            Swarm = new SwarmEndpoint(_calls);
            Nodes = new NodesEndpoint(_calls);
            Services = new ServicesEndpoint(_calls);
            Tasks = new TasksEndpoint(_calls);
            Secrets = new SecretsEndpoint(_calls);
            Configs = new ConfigsEndpoint(_calls);
        }

        public EngineEndpoint Endpoint { get; }

        public TlsSettings? Tls { get; }

        public ContainersEndpoint Containers { get; }

        public ExecEndpoint Exec { get; }

        public ImagesEndpoint Images { get; }

        public NetworksEndpoint Networks { get; }

        public VolumesEndpoint Volumes { get; }

        public SystemEndpoint System { get; }

        public SwarmEndpoint Swarm { get; }

        public NodesEndpoint Nodes { get; }

        public ServicesEndpoint Services { get; }

        public TasksEndpoint Tasks { get; }

        public SecretsEndpoint Secrets { get; }

        public ConfigsEndpoint Configs { get; }

        /// <summary>How long an ordinary call waits for the engine's response headers (<see cref="EngineClientOptions.RequestTimeout"/>).</summary>
        public TimeSpan ResponseTimeout => _options.RequestTimeout;

        /// <summary>The API version this client was made to use without negotiating (DOCKER_API_VERSION); null when it negotiates.</summary>
        internal Version? PinnedApiVersion => _options.PinnedApiVersion;

        /// <summary>What the engine said about itself when the version was negotiated (OSType and the like); null before.</summary>
        public PingResult? LastPing { get; private set; }

        internal int IdleConnections => _transport.IdleConnections;

        internal int IdleBlockingConnections => _transport.IdleBlockingConnections;

        /// <summary>The API version in use: the pinned one, or the lower of this client's maximum and the engine's.</summary>
        public async Task<Version> GetApiVersionAsync(CancellationToken cancellationToken = default)
        {
            if (_options.PinnedApiVersion != null)
            {
                return _options.PinnedApiVersion;
            }

            cancellationToken.ThrowIfCancellationRequested();
            Task<Version> negotiation;
            lock (_negotiationLock)
            {
                // A failed negotiation (engine down) is not remembered: the next call tries again.
                if (_negotiation == null || _negotiation.IsFaulted || _negotiation.IsCanceled)
                {
                    // Callers share the one negotiation, so it must not run under any one caller's token: a caller that
                    // gives up leaves it running for the others. The transport's own time limits still bound it.
                    _negotiation = NegotiateAsync(CancellationToken.None);
                    _negotiation.ContinueWith(
                        failed => _ = failed.Exception,
                        CancellationToken.None,
                        TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
                        TaskScheduler.Default);
                }

                negotiation = _negotiation;
            }

            if (!negotiation.IsCompleted && cancellationToken.CanBeCanceled)
            {
                var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                using (cancellationToken.Register(state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), cancelled))
                {
                    if (await Task.WhenAny(negotiation, cancelled.Task).ConfigureAwait(false) != negotiation)
                    {
                        throw new OperationCanceledException(cancellationToken);
                    }
                }
            }

            return await negotiation.ConfigureAwait(false);
        }

        private async Task<Version> NegotiateAsync(CancellationToken cancellationToken)
        {
            PingResult ping = await PingCoreAsync(cancellationToken).ConfigureAwait(false);
            LastPing = ping;
            if (ping.ApiVersion == null)
            {
                // Engines before 1.25 do not say; they are older than this client's minimum anyway.
                throw new EngineApiVersionException($"The engine at {Endpoint} did not report its API version; it is older than API {EngineClientOptions.MinimumApiVersion}, the oldest this module supports.");
            }

            if (ping.ApiVersion < EngineClientOptions.MinimumApiVersion)
            {
                throw new EngineApiVersionException($"The engine at {Endpoint} speaks API {ping.ApiVersion}; this module needs API {EngineClientOptions.MinimumApiVersion} or later. Upgrade the Docker engine.");
            }

            return ping.ApiVersion < EngineClientOptions.MaximumApiVersion ? ping.ApiVersion : EngineClientOptions.MaximumApiVersion;
        }

        /// <summary>
        /// <c>HEAD /_ping</c> without a version prefix, then <c>GET /_ping</c> when HEAD's answer is not the engine's
        /// (engines before API 1.40 refuse HEAD there, without their headers). An answer without the engine's headers
        /// is another server's: <see cref="NotAnEngineException"/>, never one of the engine's errors.
        /// </summary>
        internal async Task<PingResult> PingCoreAsync(CancellationToken cancellationToken)
        {
            var request = new EngineRequest("HEAD", "/_ping") { Versioned = false, AnswerAnyStatus = true };
            EngineResponse response = await SendLoggedAsync(request, null, cancellationToken).ConfigureAwait(false);
            if (!ForeignAnswer.CarriesEngineHeaders(response.Headers))
            {
                response.Dispose();
                request = new EngineRequest("GET", "/_ping") { Versioned = false, AnswerAnyStatus = true };
                response = await SendLoggedAsync(request, null, cancellationToken).ConfigureAwait(false);
            }

            using (response)
            {
                // The body of a server that is not the engine may close late or never: bound the wait for it.
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                limit.CancelAfter(_options.RequestTimeout);
                byte[] body;
                try
                {
                    body = await HttpTransport.ReadBoundedAsync(response.Content, limit.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new EngineTimeoutException($"The server at {_transport.Address} sent the headers of its answer to {request.Method} {request.Path} but not the rest within {_options.RequestTimeout.TotalSeconds:0} seconds.", e);
                }

                if ((int)response.StatusCode >= 400)
                {
                    throw _transport.ErrorFrom(request, response.StatusCode, response.Headers, body, engineAnswerExpected: true);
                }

                if (!ForeignAnswer.CarriesEngineHeaders(response.Headers))
                {
                    throw ForeignAnswer.NotAnEngine(_transport.Address, request.Method + " " + request.Path, response.StatusCode, response.Headers, body);
                }

                return new PingResult(
                    ParseVersion(response.Header("Api-Version")),
                    response.Header("OSType"),
                    string.Equals(response.Header("Docker-Experimental"), "true", StringComparison.OrdinalIgnoreCase),
                    response.Header("Builder-Version"));
            }
        }

        internal static Version? ParseVersion(string? text) =>
            Version.TryParse(text, out Version? version) ? version : null;

        internal static string FormatVersion(Version version) =>
            version.Major.ToString(CultureInfo.InvariantCulture) + "." + version.Minor.ToString(CultureInfo.InvariantCulture);

        /// <summary>Sends a request under the negotiated version. The caller disposes the response.</summary>
        public async Task<EngineResponse> SendAsync(EngineRequest request, CancellationToken cancellationToken = default)
        {
            string? version = request.Versioned ? FormatVersion(await GetApiVersionAsync(cancellationToken).ConfigureAwait(false)) : null;
            return await SendLoggedAsync(request, version, cancellationToken).ConfigureAwait(false);
        }

        private Task<EngineResponse> SendLoggedAsync(EngineRequest request, string? version, CancellationToken cancellationToken)
        {
            Action<EngineRequestRecord>? listener = EngineRequestLog.Listener;
            return listener == null
                ? _transport.SendAsync(request, version, cancellationToken)
                : LoggedAsync(listener, request, version, () => _transport.SendAsync(request, version, cancellationToken), response => response.StatusCode);
        }

        /// <summary>Times a request and reports it, answered or not, to the flow's listener (-Debug).</summary>
        private async Task<T> LoggedAsync<T>(Action<EngineRequestRecord> listener, EngineRequest request, string? version, Func<Task<T>> send, Func<T, HttpStatusCode> statusOf)
        {
            long started = Stopwatch.GetTimestamp();
            try
            {
                T answer = await send().ConfigureAwait(false);
                EngineRequestLog.Raise(listener, Record(request, version, statusOf(answer), started, null));
                return answer;
            }
            catch (EngineException e)
            {
                EngineRequestLog.Raise(listener, Record(request, version, e.StatusCode, started, e.StatusCode == null ? e.GetType().Name : null));
                throw;
            }
            catch (OperationCanceledException)
            {
                EngineRequestLog.Raise(listener, Record(request, version, null, started, "cancelled"));
                throw;
            }
        }

        private EngineRequestRecord Record(EngineRequest request, string? version, HttpStatusCode? status, long started, string? failure)
        {
            TimeSpan elapsed = TimeSpan.FromTicks((long)((Stopwatch.GetTimestamp() - started) * ((double)TimeSpan.TicksPerSecond / Stopwatch.Frequency)));
            string path = (version != null ? "/v" + version : string.Empty) + request.Path;
            return new EngineRequestRecord(_transport.Address, request.Method, path, status, elapsed, failure, version, version == null ? null : DescribeApiVersionChoice());
        }

        private string DescribeApiVersionChoice()
        {
            string supported = FormatVersion(EngineClientOptions.MinimumApiVersion) + " to " + FormatVersion(EngineClientOptions.MaximumApiVersion);
            if (_options.PinnedApiVersion != null)
            {
                return "pinned by DOCKER_API_VERSION or the docker context (this module speaks " + supported + ")";
            }

            Version? offered = LastPing?.ApiVersion;
            return "negotiated: the engine offers " + (offered != null ? FormatVersion(offered) : "?") + ", this module speaks " + supported;
        }

        /// <summary>Sends a request and reads the whole body as JSON, parsed as it arrives.</summary>
        public Task<T> SendAsync<T>(EngineRequest request, CancellationToken cancellationToken = default) => _calls.SendAsync<T>(request, cancellationToken);

        /// <summary>Sends a request whose answer carries nothing but its status; returns that status (204, or 304 for "already so").</summary>
        public Task<HttpStatusCode> SendNoContentAsync(EngineRequest request, CancellationToken cancellationToken = default) => _calls.SendNoContentAsync(request, cancellationToken);

        /// <summary>Opens a hijacked (upgraded) stream for attach and exec start.</summary>
        public async Task<HijackedStream> HijackAsync(EngineRequest request, CancellationToken cancellationToken = default)
        {
            string version = FormatVersion(await GetApiVersionAsync(cancellationToken).ConfigureAwait(false));
            Action<EngineRequestRecord>? listener = EngineRequestLog.Listener;
            return listener == null
                ? await _transport.HijackAsync(request, version, cancellationToken).ConfigureAwait(false)
                : await LoggedAsync(listener, request, version, () => _transport.HijackAsync(request, version, cancellationToken), _ => HttpStatusCode.SwitchingProtocols).ConfigureAwait(false);
        }

        Task<PingResult> IRequestSender.PingAsync(CancellationToken cancellationToken) => PingCoreAsync(cancellationToken);

        public void Dispose() => _transport.Dispose();
    }
}
