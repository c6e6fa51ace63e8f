using System.Net;
using System.Text.Json;
using Containers.Engine.Errors;
using Containers.Engine.Http;
using Containers.Engine.Json;
using Containers.Engine.Models;
using Containers.Engine.Streams;

namespace Containers.Engine.Endpoints
{
    /// <summary>
    /// How the endpoints call the engine, over the client's <see cref="IRequestSender"/>: answers read whole as JSON,
    /// answers that carry nothing but a status, and answers that stream (logs, events, stats, progress messages,
    /// archives), handed to the caller as typed readers that own the answer: the caller reads and disposes them and never
    /// sees HTTP. Each ends only where the answer ends as HTTP says (the zero-size chunk, Content-Length bytes, or the
    /// close of a close-delimited answer); anything else raises <see cref="EngineConnectionException"/> from the read.
    /// </summary>
    internal sealed class EngineCalls
    {
        private readonly IRequestSender _sender;

        public EngineCalls(IRequestSender sender)
        {
            _sender = sender;
        }

        public Task<Version> GetApiVersionAsync(CancellationToken cancellationToken) => _sender.GetApiVersionAsync(cancellationToken);

        public Task<PingResult> PingAsync(CancellationToken cancellationToken) => _sender.PingAsync(cancellationToken);

        /// <summary>Sends a request under the negotiated version. The caller disposes the response.</summary>
        public Task<EngineResponse> SendAsync(EngineRequest request, CancellationToken cancellationToken) => _sender.SendAsync(request, cancellationToken);

        /// <summary>Opens a hijacked (upgraded) stream for attach and exec start.</summary>
        public Task<HijackedStream> HijackAsync(EngineRequest request, CancellationToken cancellationToken) => _sender.HijackAsync(request, cancellationToken);

        /// <summary>Sends a request and reads the whole body as JSON, parsed as it arrives.</summary>
        public async Task<T> SendAsync<T>(EngineRequest request, CancellationToken cancellationToken)
        {
            using EngineResponse response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            return await JsonBody.ReadAsync<T>(response.Content, request.Method + " " + request.Path, response.StatusCode, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Sends a request whose answer carries nothing but its status; returns that status (204, or 304 for "already so").</summary>
        public async Task<HttpStatusCode> SendNoContentAsync(EngineRequest request, CancellationToken cancellationToken)
        {
            using EngineResponse response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            await response.Content.CopyToAsync(Stream.Null, 4096, cancellationToken).ConfigureAwait(false);
            return response.StatusCode;
        }

        /// <summary>The answer's body as a stream of bytes (a tar); disposing it ends the answer.</summary>
        public async Task<Stream> SendForStreamAsync(EngineRequest request, CancellationToken cancellationToken)
        {
            EngineResponse response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            return response.Content;
        }

        /// <summary>The answer as the engine's progress messages (pull, push, build, load).</summary>
        public async Task<JsonMessageReader> SendForMessagesAsync(EngineRequest request, CancellationToken cancellationToken) =>
            new JsonMessageReader(await SendForStreamAsync(request, cancellationToken).ConfigureAwait(false));

        /// <summary>The answer as a stream of JSON objects of one shape (events, stats).</summary>
        public async Task<JsonValueReader<T>> SendForValuesAsync<T>(EngineRequest request, CancellationToken cancellationToken)
            where T : class =>
            new JsonValueReader<T>(await SendForStreamAsync(request, cancellationToken).ConfigureAwait(false));

        /// <summary>The answer as a container's output: stdout/stderr frames, or raw bytes with a TTY.</summary>
        public async Task<MultiplexedStreamReader> SendForOutputAsync(EngineRequest request, bool tty, CancellationToken cancellationToken) =>
            new MultiplexedStreamReader(await SendForStreamAsync(request, cancellationToken).ConfigureAwait(false), tty);

        public static RequestContent JsonContent<T>(T value) =>
            RequestContent.FromBytes(JsonSerializer.SerializeToUtf8Bytes(value, EngineJson.Options), "application/json");
    }
}
