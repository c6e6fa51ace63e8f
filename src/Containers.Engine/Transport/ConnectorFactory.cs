using Containers.Engine.Ssh;
using Containers.Engine.Tls;

namespace Containers.Engine.Transport
{
    /// <summary>Chooses the connector for an endpoint.</summary>
    internal static class ConnectorFactory
    {
        public static IStreamConnector Create(EngineEndpoint endpoint, TlsSettings? tls, TimeSpan connectTimeout, string? sshConfigFile, ISshPinnedHosts? sshPinnedHosts) => endpoint.Kind switch
        {
            EngineEndpointKind.UnixSocket => new UnixSocketConnector(endpoint.Address),
            EngineEndpointKind.NamedPipe => new NamedPipeConnector(endpoint.Address, connectTimeout),
            EngineEndpointKind.Ssh => new SshConnector(endpoint, connectTimeout, sshConfigFile, sshPinnedHosts),
            _ => new TcpConnector(endpoint.Host!, endpoint.Port, tls, connectTimeout),
        };

        /// <summary>The Host header: sockets, pipes and ssh (a unix socket on the far side) need a name the engine accepts (none at all gets 400).</summary>
        public static string HostHeader(EngineEndpoint endpoint) =>
            endpoint.Kind == EngineEndpointKind.Tcp ? endpoint.Address : "api.moby.localhost";
    }
}
