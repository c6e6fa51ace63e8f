using System;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Containers.Engine.Errors;

namespace Containers.Engine.Transport
{
    /// <summary>Connects to a unix domain socket (Linux, macOS, and Windows 10 1803+).</summary>
    internal sealed class UnixSocketConnector : IStreamConnector
    {
        private readonly string _path;

        public UnixSocketConnector(string path)
        {
            _path = path;
        }

        public string Description => "unix://" + _path;

        public async Task<EngineStream> ConnectAsync(CancellationToken cancellationToken)
        {
            if (!File.Exists(_path))
            {
                // A missing socket fails at once with a message that says what to check.
                throw new EngineConnectionException($"Cannot connect to the engine at {Description}: the socket does not exist. Is the Docker engine running?");
            }

            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await SocketConnect.ConnectAsync(socket, new UnixDomainSocketEndPoint(_path), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                socket.Dispose();
                string reason = e is SocketException se && se.SocketErrorCode == SocketError.AccessDenied
                    ? "permission denied (is this account allowed to use the socket, for example a member of the docker group?)"
                    : e.Message;
                throw new EngineConnectionException($"Cannot connect to the engine at {Description}: {reason}", e);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            var stream = new NetworkStream(socket, ownsSocket: true);
            return new EngineStream(stream, () =>
            {
                socket.Shutdown(SocketShutdown.Send);
                return Task.CompletedTask;
            });
        }
    }
}
