using System.Net;
using System.Text;

namespace Containers.Engine.Errors
{
    /// <summary>
    /// Tells the engine's answers from another server's. The engine marks every routed answer with Api-Version (and
    /// older ones at least with Server: Docker/...), and never answers in HTML; Go's TLS server answers plain HTTP with
    /// a sentence of its own.
    /// </summary>
    internal static class ForeignAnswer
    {
        private const int FirstWordsLength = 120;
        private const string PlainHttpToTlsAnswer = "Client sent an HTTP request to an HTTPS server";

        /// <summary>Headers only the engine (or a proxy that relays its answers) sends.</summary>
        public static bool CarriesEngineHeaders(IReadOnlyDictionary<string, string> headers) =>
            headers.ContainsKey("Api-Version")
            || (headers.TryGetValue("Server", out string? server) && server.StartsWith("Docker/", StringComparison.OrdinalIgnoreCase));

        public static bool IsHtml(string? contentType) =>
            contentType != null && contentType.IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0;

        /// <summary>The answer of a TLS port (dockerd's 2376) to a request in plain HTTP.</summary>
        public static bool IsPlainHttpToTls(HttpStatusCode status, string message) =>
            status == HttpStatusCode.BadRequest && message.StartsWith(PlainHttpToTlsAnswer, StringComparison.Ordinal);

        public static NotAnEngineException NotAnEngine(string address, string asked, HttpStatusCode status, IReadOnlyDictionary<string, string> headers, byte[] body)
        {
            var what = new StringBuilder();
            what.Append("HTTP ").Append((int)status).Append(' ').Append(status);
            if (headers.TryGetValue("Server", out string? server))
            {
                what.Append(", Server: ").Append(server);
            }

            string words = FirstWords(body);
            if (words.Length > 0)
            {
                what.Append(", \"").Append(words).Append('"');
            }

            return new NotAnEngineException(
                $"The server at {address} is not a Docker engine: it answered {asked} with {what} and no Api-Version header. Check the address and port of -Engine, DOCKER_HOST or the docker context.",
                status);
        }

        /// <summary>The body's text with markup and runs of white space removed, cut to a readable length.</summary>
        internal static string FirstWords(byte[] body)
        {
            string text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 4096));
            var words = new StringBuilder(FirstWordsLength);
            bool inTag = false;
            bool space = false;
            foreach (char c in text)
            {
                if (c == '<')
                {
                    inTag = true;
                    space = true;
                }
                else if (c == '>' && inTag)
                {
                    inTag = false;
                }
                else if (!inTag && char.IsWhiteSpace(c))
                {
                    space = true;
                }
                else if (!inTag && !char.IsControl(c))
                {
                    if (space && words.Length > 0)
                    {
                        words.Append(' ');
                    }

                    space = false;
                    words.Append(c);
                    if (words.Length >= FirstWordsLength)
                    {
                        return words.Append('…').ToString();
                    }
                }
            }

            return words.ToString();
        }
    }
}
