using System;
using System.Collections.Concurrent;
using System.Linq;
using Containers.Engine;
using Containers.Engine.Tls;
using Containers.Engine.Transport;
using Containers.Models;

namespace Containers.Engines
{
    /// <summary>
    /// One client per engine for the whole process, so that every cmdlet call reuses the pooled connections and the
    /// negotiated API version instead of connecting and negotiating afresh.
    /// </summary>
    public static class EngineDirectory
    {
        private static readonly ConcurrentDictionary<string, ContainerEngine> Engines = new ConcurrentDictionary<string, ContainerEngine>(StringComparer.Ordinal);

        public static ContainerEngine Get(EngineEndpoint endpoint, TlsSettings? tls, Version? pinnedApiVersion, string name, string source)
        {
            string key = endpoint + "|" + (tls?.ClientCertificate?.Thumbprint ?? "-") + "|" + (tls?.VerifyServer.ToString() ?? "-")
                + "|" + (pinnedApiVersion?.ToString() ?? "-") + "|" + name + "|" + source;
            return Engines.GetOrAdd(key, _ =>
            {
                var options = new EngineClientOptions { PinnedApiVersion = pinnedApiVersion };
                return new ContainerEngine(new EngineClient(endpoint, tls, options), name, source);
            });
        }

        /// <summary>The one engine made so far with this name and source; null when none or several were.</summary>
        public static ContainerEngine? FindSingle(string name, string source)
        {
            ContainerEngine[] matches = Engines.Values
                .Where(engine => string.Equals(engine.Name, name, StringComparison.Ordinal) && string.Equals(engine.Source, source, StringComparison.Ordinal))
                .Take(2)
                .ToArray();
            return matches.Length == 1 ? matches[0] : null;
        }
    }
}
