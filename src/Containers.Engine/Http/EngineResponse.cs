using System.Net;

namespace Containers.Engine.Http
{
    /// <summary>A successful answer from the engine. Dispose it; reading the body to its end lets the connection be reused.</summary>
    public sealed class EngineResponse : IDisposable
    {
        internal EngineResponse(HttpStatusCode statusCode, IReadOnlyDictionary<string, string> headers, Stream content)
        {
            StatusCode = statusCode;
            Headers = headers;
            Content = content;
        }

        public HttpStatusCode StatusCode { get; }

        public IReadOnlyDictionary<string, string> Headers { get; }

        public Stream Content { get; }

        public string? ContentType => Header("Content-Type");

        public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;

        public async Task<byte[]> ReadAllBytesAsync(CancellationToken cancellationToken)
        {
            using var copy = new MemoryStream();
            await Content.CopyToAsync(copy, 81920, cancellationToken).ConfigureAwait(false);
            return copy.ToArray();
        }

        public void Dispose() => Content.Dispose();
    }
}
