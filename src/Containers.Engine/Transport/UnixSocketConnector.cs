using System.Net.Sockets;
using Containers.Engine.Errors;

namespace Containers.Engine.Transport
{
    /// <summary>
    /// Connects to a unix domain socket (Linux, macOS, and Windows 10 1803+): asynchronously for pooled connections,
    /// or with blocking calls only for long streams read on a connection of their own.
    /// </summary>
    internal sealed class UnixSocketConnector : IBlockingStreamConnector
    {
        private readonly string _path;

        public UnixSocketConnector(string path)
        {
            _path = path;
        }

        public string Description => "unix://" + _path;

        public async Task<EngineStream> ConnectAsync(CancellationToken cancellationToken)
        {
            Socket socket = CreateSocket();
            try
            {
                await SocketConnect.ConnectAsync(socket, new UnixDomainSocketEndPoint(_path), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                socket.Dispose();
                throw ConnectFailure(e);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            return Wrap(socket, new NetworkStream(socket, ownsSocket: true));
        }

        public EngineStream ConnectBlocking(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Socket socket = CreateSocket();
            try
            {
                // A unix connect completes at once unless the engine's backlog is full; disposing ends that wait too.
                using (cancellationToken.Register(state => ((Socket)state!).Dispose(), socket))
                {
                    socket.Connect(new UnixDomainSocketEndPoint(_path));
                }
            }
            catch (Exception e)
            {
                socket.Dispose();
                if (cancellationToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException("Connecting to the engine was cancelled.", e, cancellationToken);
                }

                throw ConnectFailure(e);
            }

            return Wrap(socket, new BlockingCallsStream(new NetworkStream(socket, ownsSocket: true)));
        }

        private Socket CreateSocket()
        {
            if (Directory.Exists(_path))
            {
                throw new EngineConnectionException($"Cannot connect to the engine at {Description}: '{_path}' is a folder, not a socket. Give the path of the engine's socket, such as unix:///var/run/docker.sock.");
            }

            if (!File.Exists(_path))
            {
                // A missing socket fails at once with a message that says what to check.
                throw new EngineConnectionException($"Cannot connect to the engine at {Description}: the socket does not exist. Is the Docker engine running?");
            }

            return new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        }

        private EngineConnectionException ConnectFailure(Exception e)
        {
            string reason = e is SocketException se && se.SocketErrorCode == SocketError.AccessDenied
                ? "permission denied (is this account allowed to use the socket, for example a member of the docker group?)"
                : IsRegularFile(e) ? $"'{_path}' is a file, not a socket. Give the path of the engine's socket, such as unix:///var/run/docker.sock."
                : e.Message;
            return new EngineConnectionException($"Cannot connect to the engine at {Description}: {reason}", e);
        }

        // Linux refuses a connect to a regular file as it refuses one to a socket nobody listens on. A file with
        // content cannot be a socket (sockets, like pipes, have no size); an empty one stays "refused".
        private bool IsRegularFile(Exception e)
        {
            try
            {
                return e is SocketException refused && refused.SocketErrorCode == SocketError.ConnectionRefused && new FileInfo(_path).Length > 0;
            }
            catch (Exception statFailure) when (statFailure is IOException || statFailure is UnauthorizedAccessException)
            {
                return false;
            }
        }

        private static EngineStream Wrap(Socket socket, Stream stream) => new EngineStream(stream, () =>
        {
            socket.Shutdown(SocketShutdown.Send);
            return Task.CompletedTask;
        });
    }
}
