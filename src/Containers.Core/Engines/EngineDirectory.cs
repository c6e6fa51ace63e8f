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

        /// <param name="responseTimeout">How long ordinary calls wait for the engine's answer; null for <see cref="EngineClientOptions.DefaultRequestTimeout"/>.</param>
        public static ContainerEngine Get(EngineEndpoint endpoint, TlsSettings? tls, Version? pinnedApiVersion, string name, string source, TimeSpan? responseTimeout = null)
        {
            string key = endpoint + "|" + (tls?.ClientCertificate?.Thumbprint ?? "-") + "|" + (tls?.VerifyServer.ToString() ?? "-")
                + "|" + (pinnedApiVersion?.ToString() ?? "-") + "|" + name + "|" + source
                + "|" + (responseTimeout ?? EngineClientOptions.DefaultRequestTimeout).Ticks;
            return Engines.GetOrAdd(key, _ =>
            {
                var options = new EngineClientOptions { PinnedApiVersion = pinnedApiVersion, RequestTimeout = responseTimeout ?? EngineClientOptions.DefaultRequestTimeout };
                return new ContainerEngine(new EngineClient(endpoint, tls, options), name, source);
            });
        }

        /// <summary>The same engine (address, TLS, API version, name and source) with another response timeout.</summary>
        public static ContainerEngine WithResponseTimeout(ContainerEngine engine, TimeSpan responseTimeout) =>
            Get(engine.Client.Endpoint, engine.Client.Tls, engine.Client.PinnedApiVersion, engine.Name, engine.Source, responseTimeout);

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
