using System.Net;

namespace Containers.Engine.Http
{
    /// <summary>A response's status line and headers.</summary>
    internal sealed class ResponseHead
    {
        public ResponseHead(HttpStatusCode statusCode, IReadOnlyDictionary<string, string> headers, bool http10 = false)
        {
            StatusCode = statusCode;
            Headers = headers;
            IsHttp10 = http10;
        }

        /// <summary>An HTTP/1.0 answer (Go's TLS server answers plain HTTP so, as do small web servers).</summary>
        public bool IsHttp10 { get; }

        /// <summary>
        /// Whether the server keeps the connection open after this response: HTTP/1.1 unless it says close, HTTP/1.0
        /// only when it says keep-alive.
        /// </summary>
        public bool KeepsConnection
        {
            get
            {
                string? connection = Header("Connection");
                return IsHttp10
                    ? connection != null && connection.IndexOf("keep-alive", StringComparison.OrdinalIgnoreCase) >= 0
                    : !string.Equals(connection, "close", StringComparison.OrdinalIgnoreCase);
            }
        }

        public HttpStatusCode StatusCode { get; }

        public IReadOnlyDictionary<string, string> Headers { get; }

        public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;
    }
}
