using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Containers.Tests.Fixtures
{
    /// <summary>
    /// A slow engine: a loopback TCP port in front of a real engine's unix socket that holds every request back for a
    /// fixed <see cref="Delay"/> before passing it on, so each answer comes that much later and is otherwise the engine's
    /// own. What a far or loaded engine looks like, which no engine here is on cue. Each forwarder is a distinct engine to
    /// the module (its own address), so several in front of one dockerd make a fleet of slow engines.
    /// </summary>
    public sealed class SlowEngineForwarder : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly string _socketPath;
        private readonly ConcurrentBag<Socket> _sockets = new ConcurrentBag<Socket>();
        private readonly CancellationTokenSource _disposed = new CancellationTokenSource();

        /// <param name="socketPath">The real engine's unix socket.</param>
        public SlowEngineForwarder(string socketPath, TimeSpan delay)
        {
            _socketPath = socketPath;
            Delay = delay;
            _listener.Start();
            _ = AcceptLoopAsync();
        }

        public TimeSpan Delay { get; }

        /// <summary>tcp://127.0.0.1:PORT, for -Engine.</summary>
        public string Address => "tcp://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port;

        public void Dispose()
        {
            _disposed.Cancel();
            _listener.Stop();
            foreach (Socket socket in _sockets)
            {
                socket.Dispose();
            }
        }

        private async Task AcceptLoopAsync()
        {
            while (!_disposed.IsCancellationRequested)
            {
                Socket client;
                try
                {
                    client = await _listener.AcceptSocketAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (e is ObjectDisposedException || e is SocketException || e is InvalidOperationException)
                {
                    return;
                }

                _ = ForwardAsync(client);
            }
        }

        private async Task ForwardAsync(Socket client)
        {
            var engine = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            _sockets.Add(client);
            _sockets.Add(engine);
            try
            {
                await engine.ConnectAsync(new UnixDomainSocketEndPoint(_socketPath)).ConfigureAwait(false);
                await Task.WhenAll(PumpAsync(client, engine, Delay), PumpAsync(engine, client, TimeSpan.Zero)).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException || e is ObjectDisposedException || e is OperationCanceledException)
            {
                // Either side went away, or the forwarder was disposed: both close below.
            }
            finally
            {
                client.Dispose();
                engine.Dispose();
            }
        }

        /// <summary>Copies one direction until its end, waiting <paramref name="delay"/> before passing on each read.</summary>
        private async Task PumpAsync(Socket from, Socket to, TimeSpan delay)
        {
            byte[] buffer = new byte[64 * 1024];
            while (true)
            {
                int read = await from.ReceiveAsync(buffer, SocketFlags.None, _disposed.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, _disposed.Token).ConfigureAwait(false);
                }

                await to.SendAsync(new ArraySegment<byte>(buffer, 0, read), SocketFlags.None, _disposed.Token).ConfigureAwait(false);
            }
        }
    }
}
