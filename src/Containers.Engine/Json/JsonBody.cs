using System.Net;
using System.Text.Json;
using Containers.Engine.Errors;

namespace Containers.Engine.Json
{
    /// <summary>
    /// Reads an answer's JSON body as it arrives rather than copying the whole body first: a listing of hundreds of
    /// containers or images is parsed from the serializer's pooled buffer, which grows only for a single value larger
    /// than it, and no copy of the body is kept. The body is read to its end (the serializer checks that nothing follows
    /// the value), so the connection goes back to its pool, and a body cut short raises the body stream's own
    /// "unexpected EOF" error naming the engine.
    /// </summary>
    internal static class JsonBody
    {
        /// <param name="request">The request answered ("GET /containers/json"), for the messages of an answer that is not the JSON expected.</param>
        public static async Task<T> ReadAsync<T>(Stream body, string request, HttpStatusCode status, CancellationToken cancellationToken) =>
            await ReadOrNullAsync<T>(body, request, status, cancellationToken).ConfigureAwait(false)
            ?? throw new EngineException($"The engine answered {request} with an empty body where {typeof(T).Name} was expected.");

        /// <summary>As <see cref="ReadAsync"/>, for answers where the engine writes <c>null</c> for nothing (a container's changes).</summary>
        public static async Task<T?> ReadOrNullAsync<T>(Stream body, string request, HttpStatusCode status, CancellationToken cancellationToken)
        {
            try
            {
                return await JsonSerializer.DeserializeAsync<T>(body, EngineJson.Options, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException e)
            {
                throw new EngineException($"The engine's answer to {request} is not the JSON expected: {e.Message}", status, e);
            }
        }
    }
}
