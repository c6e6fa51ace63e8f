using System.Globalization;
using System.Net;
using Containers.Engine.Errors;
using Containers.Engine.Transport;

namespace Containers.Engine.Http
{
    /// <summary>
    /// Sends requests over pooled connections and turns what comes back into a response, a hijacked stream or a typed error.
    /// Time limits apply to waiting for response headers only; a body streams for as long as the caller reads it.
    /// A request marked <see cref="EngineRequest.ReadBodyOnDedicatedBlockingConnection"/> goes, where the connector can
    /// make one, over a connection of its own used with blocking calls only, and that connection is closed afterwards; one
    /// marked <see cref="EngineRequest.ShortAnswerOnBlockingConnection"/> over a kept-alive connection from a second pool,
    /// of connections used with blocking calls only.
    /// </summary>
    internal sealed class HttpTransport : IDisposable
    {
        private const int MaxErrorBodyBytes = 1024 * 1024;

        private readonly ConnectionPool _pool;
        private readonly ConnectionPool? _blockingPool;
        private readonly string _hostHeader;
        private readonly TimeSpan _requestTimeout;

        /// <param name="requestTimeout">How long an ordinary call waits for its head (the client's RequestTimeout).</param>
        /// <param name="maxIdleConnections">Idle connections kept for reuse, per pool.</param>
        /// <param name="idleConnectionLifetime">An idle connection older than this is closed rather than reused.</param>
        public HttpTransport(IStreamConnector connector, string hostHeader, TimeSpan requestTimeout, int maxIdleConnections, TimeSpan idleConnectionLifetime)
        {
            _pool = new ConnectionPool(connector, maxIdleConnections, idleConnectionLifetime);
            if (connector is IBlockingStreamConnector blocking)
            {
                _blockingPool = new ConnectionPool(new BlockingConnector(blocking), maxIdleConnections, idleConnectionLifetime);
            }
            _hostHeader = hostHeader;
            _requestTimeout = requestTimeout;
        }

        /// <summary>Idle connections of the pool used asynchronously.</summary>
        public int IdleConnections => _pool.IdleCount;

        /// <summary>Idle connections of the pool used with blocking calls only (unix sockets; 0 elsewhere).</summary>
        public int IdleBlockingConnections => _blockingPool?.IdleCount ?? 0;

        /// <summary>The engine's address as messages name it.</summary>
        public string Address => _pool.Connector.Description;

        public async Task<EngineResponse> SendAsync(EngineRequest request, string? apiVersion, CancellationToken cancellationToken)
        {
            bool dedicated = request.ReadBodyOnDedicatedBlockingConnection && _pool.Connector is IBlockingStreamConnector;
            ConnectionPool pool = request.ShortAnswerOnBlockingConnection ? _blockingPool ?? _pool : _pool;
            (HttpConnection connection, ResponseHead head) = await ExchangeAsync(request, apiVersion, dedicated, pool, cancellationToken).ConfigureAwait(false);

            int status = (int)head.StatusCode;
            bool keepAlive = head.KeepsConnection;
            BodyFraming framing;
            long length = 0;
            if (head.Header("Transfer-Encoding")?.IndexOf("chunked", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                framing = BodyFraming.Chunked;
            }
            else if (long.TryParse(head.Header("Content-Length"), out length))
            {
                framing = BodyFraming.ContentLength;
            }
            else
            {
                framing = BodyFraming.UntilClose;
            }

            // No body after these, except that an answer to HEAD which ends by closing the connection (Go's TLS port
            // answering plain HTTP, small HTTP/1.0 servers) says what it has to say before the close: read it.
            bool noBody = status == 204 || status == 304 || (status >= 100 && status < 200)
                || (request.Method == "HEAD" && (keepAlive || framing != BodyFraming.UntilClose));
            if (noBody)
            {
                framing = BodyFraming.Empty;
            }

            var body = new ResponseBodyStream(connection, framing, length, keepAlive, dedicated ? CloseDedicated : pool.Return, Address, request.Method + " " + request.Path);
            var response = new EngineResponse(head.StatusCode, head.Headers, body);
            if (status < 400 || request.AnswerAnyStatus)
            {
                return response;
            }

            using (response)
            {
                byte[] errorBody = await ReadBoundedAsync(body, cancellationToken).ConfigureAwait(false);
                throw ErrorFrom(request, head.StatusCode, head.Headers, errorBody, engineAnswerExpected: false);
            }
        }

        /// <summary>
        /// The error an answer of 400 or more stands for: the engine's own (typed by <see cref="ErrorMapper"/>), a TLS
        /// port's refusal of plain HTTP, or another server's answer, which is not believed as the engine's. With
        /// <paramref name="engineAnswerExpected"/> (the ping) any answer without the engine's headers is another
        /// server's; otherwise only an HTML page is, since the engine's own 404 for an unknown path has no Api-Version.
        /// </summary>
        internal EngineException ErrorFrom(EngineRequest request, HttpStatusCode status, IReadOnlyDictionary<string, string> headers, byte[] body, bool engineAnswerExpected)
        {
            headers.TryGetValue("Content-Type", out string? contentType);
            string message = ErrorMapper.ReadMessage(body, contentType, status);
            if (ForeignAnswer.IsPlainHttpToTls(status, message))
            {
                return new EngineConnectionException($"The engine at {_pool.Connector.Description} expects TLS: {message} Use -Engine or DOCKER_HOST with the engine's certificates (DOCKER_TLS_VERIFY, DOCKER_CERT_PATH, a docker context) or Connect-ContainerEngine -CertificatePath.");
            }

            if (!ForeignAnswer.CarriesEngineHeaders(headers) && (engineAnswerExpected || ForeignAnswer.IsHtml(contentType)))
            {
                return ForeignAnswer.NotAnEngine(_pool.Connector.Description, request.Method + " " + request.Path, status, headers, body);
            }

            return ErrorMapper.FromResponse(status, message, request.ResourceKind, request.ResourceId);
        }

        /// <summary>Upgrades the connection for attach and exec start: 101 (or 200 from engines that do not upgrade) hands over the raw stream.</summary>
        public async Task<HijackedStream> HijackAsync(EngineRequest request, string? apiVersion, CancellationToken cancellationToken)
        {
            request.Headers["Connection"] = "Upgrade";
            request.Headers["Upgrade"] = "tcp";
            // Always pooled and asynchronous: the cmdlets pump attach and exec continuations on one thread, which a
            // blocking read could starve of the very continuation it waits for.
            (HttpConnection connection, ResponseHead head) = await ExchangeAsync(request, apiVersion, dedicated: false, _pool, cancellationToken).ConfigureAwait(false);
            int status = (int)head.StatusCode;
            if (status == 101 || status == 200)
            {
                // Content-Length means nothing after 101: the stream is raw from here on, and ours alone.
                return new HijackedStream(connection);
            }

            try
            {
                var body = new ResponseBodyStream(connection, BodyFraming.UntilClose, 0, false, _pool.Return, Address, request.Method + " " + request.Path);
                byte[] errorBody = await ReadBoundedAsync(body, cancellationToken).ConfigureAwait(false);
                throw ErrorFrom(request, head.StatusCode, head.Headers, errorBody, engineAnswerExpected: false);
            }
            finally
            {
                connection.Dispose();
            }
        }

        private async Task<(HttpConnection, ResponseHead)> ExchangeAsync(EngineRequest request, string? apiVersion, bool dedicated, ConnectionPool pool, CancellationToken cancellationToken)
        {
            string target = (request.Versioned && apiVersion != null ? "/v" + apiVersion : string.Empty) + request.Path + request.Query;
            bool retryable = request.Content?.Stream == null;

            using HeadDeadline deadline = StartDeadline(request);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            CancellationToken token = linked.Token;

            for (int attempt = 0; ; attempt++)
            {
                HttpConnection connection = dedicated
                    ? ConnectDedicated(token, cancellationToken, request, deadline)
                    : await RentAsync(pool, attempt == 0, token, cancellationToken, request, deadline).ConfigureAwait(false);
                bool reused = connection.HasBeenUsed;
                try
                {
                    ResponseHead? head;
                    using (token.Register(state => ((HttpConnection)state!).Dispose(), connection))
                    {
                        await connection.WriteRequestAsync(request, target, _hostHeader, token).ConfigureAwait(false);
                        head = await connection.ReadResponseHeadAsync(token).ConfigureAwait(false);
                    }

                    if (head == null)
                    {
                        connection.Dispose();
                        if (token.IsCancellationRequested)
                        {
                            // A blocking read ends with 0 bytes, not an exception, when cancelling disposed its connection.
                            ThrowCancelledOrTimedOut(cancellationToken, request, deadline, null);
                        }

                        if (reused && retryable && attempt == 0)
                        {
                            continue; // the engine closed this idle connection; the request never reached it
                        }

                        throw new EngineConnectionException($"The engine at {_pool.Connector.Description} closed the connection without answering {request.Method} {request.Path}.");
                    }

                    if (token.IsCancellationRequested)
                    {
                        connection.Dispose();
                        ThrowCancelledOrTimedOut(cancellationToken, request, deadline, null);
                    }

                    return (connection, head);
                }
                catch (Exception e) when (!(e is EngineException))
                {
                    connection.Dispose();
                    if (token.IsCancellationRequested)
                    {
                        ThrowCancelledOrTimedOut(cancellationToken, request, deadline, e);
                    }

                    if (reused && retryable && attempt == 0 && (e is IOException || e is ObjectDisposedException))
                    {
                        continue;
                    }

                    throw new EngineConnectionException($"The connection to the engine at {_pool.Connector.Description} failed during {request.Method} {request.Path}: {e.Message}", e);
                }
            }
        }

        private async Task<HttpConnection> RentAsync(ConnectionPool pool, bool allowReuse, CancellationToken token, CancellationToken callerToken, EngineRequest request, HeadDeadline deadline)
        {
            try
            {
                return await pool.RentAsync(allowReuse, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (token.IsCancellationRequested)
            {
                ThrowCancelledOrTimedOut(callerToken, request, deadline, e);
                throw;
            }
        }

        private HttpConnection ConnectDedicated(CancellationToken token, CancellationToken callerToken, EngineRequest request, HeadDeadline deadline)
        {
            try
            {
                return new HttpConnection(((IBlockingStreamConnector)_pool.Connector).ConnectBlocking(token));
            }
            catch (OperationCanceledException e) when (token.IsCancellationRequested)
            {
                ThrowCancelledOrTimedOut(callerToken, request, deadline, e);
                throw;
            }
        }

        // A dedicated connection is never pooled: a later pooled call would use it asynchronously.
        private static void CloseDedicated(HttpConnection connection, bool reusable) => connection.Dispose();

        /// <summary>
        /// Ordinary calls wait <see cref="EngineClientOptions.RequestTimeout"/> for their head; stop and restart that plus
        /// their own grace period. Streams and long work wait while the engine answers pings (see <see cref="HeadDeadline"/>),
        /// and so does a stop whose grace period is longer than a timer holds (years: as good as no limit).
        /// </summary>
        private HeadDeadline StartDeadline(EngineRequest request)
        {
            TimeSpan limit = _requestTimeout + (request.Timeout == ResponseTimeout.Extended ? request.ExtraTime : TimeSpan.Zero);
            return request.Timeout == ResponseTimeout.None || limit > HeadDeadline.LongestFixedLimit
                ? HeadDeadline.StartWhileAlive(_requestTimeout, PingAsync)
                : HeadDeadline.StartFixed(limit);
        }

        /// <summary>Any answer at all to <c>HEAD /_ping</c>, within the ordinary limit and <paramref name="cancellationToken"/>.</summary>
        private async Task PingAsync(CancellationToken cancellationToken)
        {
            var ping = new EngineRequest("HEAD", "/_ping") { Versioned = false, AnswerAnyStatus = true };
            using (await SendAsync(ping, null, cancellationToken).ConfigureAwait(false))
            {
            }
        }

        private void ThrowCancelledOrTimedOut(CancellationToken callerToken, EngineRequest request, HeadDeadline deadline, Exception? inner)
        {
            callerToken.ThrowIfCancellationRequested();
            string limit = deadline.Limit.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
            string call = request.Method + " " + request.Path;
            throw new EngineTimeoutException(
                deadline.WhileAlive
                    ? $"The engine at {_pool.Connector.Description} did not answer {call}, nor a ping within {limit} seconds: it accepts connections but does not answer. The limit is the engine's -ResponseTimeout (Connect-ContainerEngine)."
                    : $"The engine at {_pool.Connector.Description} did not answer {call} within {limit} seconds. The limit is the engine's -ResponseTimeout (Connect-ContainerEngine).",
                inner);
        }

        internal static async Task<byte[]> ReadBoundedAsync(Stream body, CancellationToken cancellationToken)
        {
            using var copy = new MemoryStream();
            var buffer = new byte[16 * 1024];
            int read;
            while (copy.Length < MaxErrorBodyBytes && (read = await body.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false)) > 0)
            {
                copy.Write(buffer, 0, read);
            }

            return copy.ToArray();
        }

        public void Dispose()
        {
            _pool.Dispose();
            _blockingPool?.Dispose();
        }
    }
}
