using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Containers.Engine.Http;
using Containers.Engine.Streams;

namespace Containers.Engine
{
    /// <summary>
    /// Answers that stream (logs, events, stats, progress messages, archives) handed to the caller as typed readers that
    /// own the answer: the caller reads and disposes them and never sees HTTP. Each ends only where the answer ends as
    /// HTTP says (the zero-size chunk, Content-Length bytes, or the close of a close-delimited answer); anything else
    /// raises <see cref="Errors.EngineConnectionException"/> from the read.
    /// </summary>
    public sealed partial class EngineClient
    {
        /// <summary>The answer's body as a stream of bytes (a tar); disposing it ends the answer.</summary>
        internal async Task<Stream> SendForStreamAsync(EngineRequest request, CancellationToken cancellationToken)
        {
            EngineResponse response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            return response.Content;
        }

        /// <summary>The answer as the engine's progress messages (pull, push, build, load).</summary>
        internal async Task<JsonMessageReader> SendForMessagesAsync(EngineRequest request, CancellationToken cancellationToken) =>
            new JsonMessageReader(await SendForStreamAsync(request, cancellationToken).ConfigureAwait(false));

        /// <summary>The answer as a stream of JSON objects of one shape (events, stats).</summary>
        internal async Task<JsonValueReader<T>> SendForValuesAsync<T>(EngineRequest request, CancellationToken cancellationToken)
            where T : class =>
            new JsonValueReader<T>(await SendForStreamAsync(request, cancellationToken).ConfigureAwait(false));

        /// <summary>The answer as a container's output: stdout/stderr frames, or raw bytes with a TTY.</summary>
        internal async Task<MultiplexedStreamReader> SendForOutputAsync(EngineRequest request, bool tty, CancellationToken cancellationToken) =>
            new MultiplexedStreamReader(await SendForStreamAsync(request, cancellationToken).ConfigureAwait(false), tty);
    }
}
