using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Containers.Tests.Fixtures
{
    /// <summary>
    /// A loopback TCP port that accepts connections and never says a word: the worst engine there is, because nothing
    /// fails; a client only learns by waiting.
    /// </summary>
    public sealed class SilentTcpServer : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly ConcurrentBag<TcpClient> _accepted = new ConcurrentBag<TcpClient>();

        public SilentTcpServer()
        {
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _ = AcceptLoopAsync();
        }

        public int Port { get; }

        public string Uri => "tcp://127.0.0.1:" + Port;

        /// <summary>How many connections were accepted (and left hanging).</summary>
        public int Accepted => _accepted.Count;

        private async Task AcceptLoopAsync()
        {
            while (true)
            {
                try
                {
                    _accepted.Add(await _listener.AcceptTcpClientAsync().ConfigureAwait(false));
                }
                catch (Exception e) when (e is ObjectDisposedException || e is SocketException || e is InvalidOperationException)
                {
                    return;
                }
            }
        }

        public void Dispose()
        {
            _listener.Stop();
            foreach (TcpClient client in _accepted)
            {
                client.Dispose();
            }
        }
    }
}
