using System.Collections.Generic;
using System.Net;

namespace Containers.Engine.Http
{
    /// <summary>A response's status line and headers.</summary>
    internal sealed class ResponseHead
    {
        public ResponseHead(HttpStatusCode statusCode, IReadOnlyDictionary<string, string> headers)
        {
            StatusCode = statusCode;
            Headers = headers;
        }

        public HttpStatusCode StatusCode { get; }

        public IReadOnlyDictionary<string, string> Headers { get; }

        public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;
    }
}
