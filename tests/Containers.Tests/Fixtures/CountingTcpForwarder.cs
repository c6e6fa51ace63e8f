using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Containers.Tests.Fixtures
{
    /// <summary>
    /// A loopback port that passes every connection through to another (TLS and all, untouched) and counts the
    /// connections it accepted: how many connections a client really opened to the engine behind it. It listens on
    /// 127.0.0.1, so a certificate that names 127.0.0.1 fits it as well as the engine's own port.
    /// </summary>
    public sealed class CountingTcpForwarder : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly int _targetPort;
        private readonly ConcurrentBag<Socket> _sockets = new ConcurrentBag<Socket>();
        private int _accepted;

        public CountingTcpForwarder(int targetPort)
        {
            _targetPort = targetPort;
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _ = AcceptLoopAsync();
        }

        public int Port { get; }

        public string Address => "tcp://127.0.0.1:" + Port;

        /// <summary>Connections accepted so far.</summary>
        public int Accepted => Volatile.Read(ref _accepted);

        private async Task AcceptLoopAsync()
        {
            while (true)
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

                Interlocked.Increment(ref _accepted);
                _ = ForwardAsync(client);
            }
        }

        private async Task ForwardAsync(Socket client)
        {
            var target = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            client.NoDelay = true;
            _sockets.Add(client);
            _sockets.Add(target);
            try
            {
                await target.ConnectAsync(IPAddress.Loopback, _targetPort).ConfigureAwait(false);
                await Task.WhenAll(PumpAsync(client, target), PumpAsync(target, client)).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException || e is ObjectDisposedException)
            {
                // Either side went away: both close below.
            }
            finally
            {
                client.Dispose();
                target.Dispose();
            }
        }

        /// <summary>Copies one direction until its end, then passes the end on (a half-close, as TLS close-notify needs).</summary>
        private static async Task PumpAsync(Socket from, Socket to)
        {
            byte[] buffer = new byte[16 * 1024];
            try
            {
                int read;
                while ((read = await from.ReceiveAsync(buffer, SocketFlags.None).ConfigureAwait(false)) > 0)
                {
                    await to.SendAsync(new ArraySegment<byte>(buffer, 0, read), SocketFlags.None).ConfigureAwait(false);
                }

                to.Shutdown(SocketShutdown.Send);
            }
            catch (Exception e) when (e is SocketException || e is ObjectDisposedException)
            {
                from.Dispose();
                to.Dispose();
            }
        }

        public void Dispose()
        {
            _listener.Stop();
            foreach (Socket socket in _sockets)
            {
                socket.Dispose();
            }
        }
    }
}
