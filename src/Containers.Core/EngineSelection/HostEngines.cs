using Containers.Engine.Transport;
using Containers.Models;
using Containers.Provisioning.Store;

namespace Containers.EngineSelection
{
    /// <summary>The engine of a host in the host store: its tcp:// address with the store's ca.pem and client certificate.</summary>
    public static class HostEngines
    {
        /// <summary>The <see cref="ContainerEngine.Source"/> of engines chosen by host name.</summary>
        public const string Source = "host store";

        /// <exception cref="HostStoreException">The host's record or TLS files cannot be used.</exception>
        public static ContainerEngine For(HostStore store, HostRecord host, TimeSpan? responseTimeout = null) =>
            EngineDirectory.Get(EngineEndpoint.Parse(host.EngineAddress), store.LoadClientTls(host.Name), null, host.Name, Source, responseTimeout: responseTimeout);
    }
}
