using System.Collections.Concurrent;
using Containers.Engine;
using Containers.Engine.Tls;
using Containers.Engine.Transport;
using Containers.Models;

namespace Containers.EngineSelection
{
    /// <summary>
    /// One client per engine and trust for the whole process, so that every cmdlet call reuses the pooled connections and
    /// the negotiated API version instead of connecting and negotiating afresh. Engines are keyed by
    /// <see cref="EngineKey"/>: the same address with other trust material is another engine with its own connections.
    /// </summary>
    public static class EngineDirectory
    {
        private static readonly ConcurrentDictionary<EngineKey, Entry> Engines = new ConcurrentDictionary<EngineKey, Entry>();

        /// <param name="chosenByCaller">
        /// The caller gave this engine's TLS or response timeout itself (Connect-ContainerEngine -CertificatePath or
        /// -ResponseTimeout) rather than them being read from the environment or a context: only such an engine can be
        /// found again by its name (<see cref="FindSingle"/>), since the name alone does not carry those settings.
        /// </param>
        /// <param name="responseTimeout">How long ordinary calls wait for the engine's answer; null for <see cref="EngineClientOptions.DefaultRequestTimeout"/>.</param>
        public static ContainerEngine Get(EngineEndpoint endpoint, TlsSettings? tls, Version? pinnedApiVersion, string name, string source, bool chosenByCaller = false, TimeSpan? responseTimeout = null)
        {
            TimeSpan limit = responseTimeout ?? EngineClientOptions.DefaultRequestTimeout;
            var key = new EngineKey(endpoint, tls, pinnedApiVersion, name, source, limit);
            Entry entry = Engines.GetOrAdd(key, _ =>
            {
                // ssh:// engines at a host of the host store are checked against the host key the store pinned.
                var options = new EngineClientOptions { PinnedApiVersion = pinnedApiVersion, RequestTimeout = limit, SshPinnedHosts = StoreSshHosts.ForProcess };
                return new Entry(new ContainerEngine(new EngineClient(endpoint, tls, options), name, source), chosenByCaller);
            });
            return entry.Engine;
        }

        /// <summary>The same engine (address, trust, API version, name and source) with another response timeout.</summary>
        public static ContainerEngine WithResponseTimeout(ContainerEngine engine, TimeSpan responseTimeout) =>
            Get(engine.Client.Endpoint, engine.Client.Tls, engine.Client.PinnedApiVersion, engine.Name, engine.Source, chosenByCaller: true, responseTimeout);

        /// <summary>
        /// The one engine made so far with this name and source whose TLS or response timeout the caller gave; null when
        /// none or several were. Engines whose settings all came from the environment are left out: their name resolves
        /// afresh, with the files and variables as they are now.
        /// </summary>
        public static ContainerEngine? FindSingle(string name, string source)
        {
            ContainerEngine[] matches = Engines.Values
                .Where(entry => entry.ChosenByCaller)
                .Select(entry => entry.Engine)
                .Where(engine => string.Equals(engine.Name, name, StringComparison.Ordinal) && string.Equals(engine.Source, source, StringComparison.Ordinal))
                .Take(2)
                .ToArray();
            return matches.Length == 1 ? matches[0] : null;
        }

        private sealed class Entry
        {
            public Entry(ContainerEngine engine, bool chosenByCaller)
            {
                Engine = engine;
                ChosenByCaller = chosenByCaller;
            }

            public ContainerEngine Engine { get; }

            public bool ChosenByCaller { get; }
        }
    }
}
