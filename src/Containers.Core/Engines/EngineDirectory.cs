using System;
using System.Collections.Concurrent;
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
    }
}
