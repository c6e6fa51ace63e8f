using Containers.Engine.Errors;
using Containers.Engine.Models;

namespace Containers.Engine.Streams
{
    /// <summary>
    /// Reads the engine's progress message stream (pull, push, build, load) value after value as bytes arrive; see
    /// <see cref="JsonValueReader{T}"/> for what lies between values and when each is parsed.
    /// </summary>
    public sealed class JsonMessageReader : JsonValueReader<JsonMessage>
    {
        public JsonMessageReader(Stream stream)
            : base(stream)
        {
        }

        /// <summary>
        /// Reads the stream to its end, handing each message on, and raises the first failure a message reports. It
        /// returns only when the engine ended its answer as HTTP says an answer ends: a pull, push, build or load whose
        /// stream was cut is an error, never a finished one.
        /// </summary>
        /// <exception cref="EngineStreamException">A message reported a failure (a build step's exit code in its Code).</exception>
        /// <exception cref="EngineAuthenticationException">A message reported the registry refusing the credentials.</exception>
        /// <exception cref="EngineConnectionException">The engine closed the connection before the end of its answer.</exception>
        public async Task ReadToEndAsync(Action<JsonMessage> handle, CancellationToken cancellationToken = default)
        {
            for (JsonMessage? message = await ReadAsync(cancellationToken).ConfigureAwait(false); message != null; message = await ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                message.ThrowIfError();
                handle(message);
            }
        }
    }
}
