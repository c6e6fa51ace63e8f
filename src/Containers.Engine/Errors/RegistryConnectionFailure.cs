namespace Containers.Engine.Errors
{
    /// <summary>
    /// Recognises the engine failing to reach a registry in what it relays: dockerd answers a pull from an address nobody
    /// listens on, a host that does not resolve or one that never answers with a 500 (a push: inside its 200 stream)
    /// quoting Go's network error, such as <c>Get "http://127.0.0.1:1/v2/": dial tcp 127.0.0.1:1: connect: connection
    /// refused</c>. The registry API's path (<c>/v2/</c>) tells it from the engine's own failures.
    /// </summary>
    public static class RegistryConnectionFailure
    {
        private static readonly string[] Phrases =
        {
            "dial tcp",
            "no such host",
            "i/o timeout",
            "connection refused",
            "connection reset by peer",
            "network is unreachable",
            "tls handshake timeout",
            "client.timeout exceeded",
        };

        public static bool Matches(string? message)
        {
            if (string.IsNullOrEmpty(message) || message!.IndexOf("/v2/", StringComparison.Ordinal) < 0)
            {
                return false;
            }

            foreach (string phrase in Phrases)
            {
                if (message.IndexOf(phrase, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
