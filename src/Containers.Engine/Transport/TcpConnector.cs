using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Containers.Engine.Errors;
using Containers.Engine.Tls;

namespace Containers.Engine.Transport
{
    /// <summary>Connects over TCP, with TLS when settings are given, within the connect time limit.</summary>
    internal sealed class TcpConnector : IStreamConnector
    {
        private readonly string _host;
        private readonly int _port;
        private readonly TlsSettings? _tls;
        private readonly TimeSpan _connectTimeout;

        public TcpConnector(string host, int port, TlsSettings? tls, TimeSpan connectTimeout)
        {
            _host = host;
            _port = port;
            _tls = tls;
            _connectTimeout = connectTimeout;
        }

        public string Description => $"tcp://{(_host.IndexOf(':') >= 0 ? "[" + _host + "]" : _host)}:{_port}{(_tls != null ? " (TLS)" : string.Empty)}";

        public async Task<EngineStream> ConnectAsync(CancellationToken cancellationToken)
        {
            using var limit = new CancellationTokenSource(_connectTimeout);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
            Socket? socket = null;
            try
            {
                IPAddress[] addresses = IPAddress.TryParse(_host, out IPAddress? literal)
                    ? new[] { literal }
                    : await Dns.GetHostAddressesAsync(_host).ConfigureAwait(false);
                Exception? last = null;
                foreach (IPAddress address in addresses)
                {
                    socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                    try
                    {
                        await SocketConnect.ConnectAsync(socket, new IPEndPoint(address, _port), linked.Token).ConfigureAwait(false);
                        last = null;
                        break;
                    }
                    catch (SocketException e)
                    {
                        socket.Dispose();
                        socket = null;
                        last = e;
                    }
                }

                if (socket == null)
                {
                    throw new EngineConnectionException($"Cannot connect to the engine at {Description}: {last?.Message ?? "the host name has no addresses"}.", last);
                }

                var network = new NetworkStream(socket, ownsSocket: true);
                Socket connected = socket;
                if (_tls == null)
                {
                    return new EngineStream(network, () =>
                    {
                        connected.Shutdown(SocketShutdown.Send);
                        return Task.CompletedTask;
                    });
                }

                SslStream tls = await TlsHandshake.AuthenticateAsync(network, _host, _tls, linked.Token).ConfigureAwait(false);
                return new EngineStream(new ClientCertificateRefusalStream(tls, _tls), () => TlsCloseWrite.CloseAsync(tls, connected));
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                socket?.Dispose();
                throw new EngineConnectionException($"Cannot connect to the engine at {Description}: no answer within {_connectTimeout.TotalSeconds:0} seconds.", e);
            }
            catch (SocketException e)
            {
                socket?.Dispose();
                throw new EngineConnectionException($"Cannot connect to the engine at {Description}: {e.Message}", e);
            }
            catch (Exception e) when (!(e is EngineException) && !(e is OperationCanceledException))
            {
                socket?.Dispose();
                throw new EngineConnectionException($"Cannot connect to the engine at {Description}: {e.Message}", e);
            }
        }
    }
}
