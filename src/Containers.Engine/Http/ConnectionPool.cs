using System.Collections.Concurrent;
using Containers.Engine.Transport;

namespace Containers.Engine.Http
{
    /// <summary>
    /// Kept-alive connections to one engine. The engine keeps connections open, so reusing them saves a connect per call;
    /// a bounded idle set keeps handles from piling up after a burst of parallel calls.
    /// </summary>
    internal sealed class ConnectionPool : IDisposable
    {
        private readonly IStreamConnector _connector;
        private readonly int _maxIdle;
        private readonly TimeSpan _idleLifetime;
        private readonly ConcurrentStack<HttpConnection> _idle = new ConcurrentStack<HttpConnection>();
        private int _disposed;

        public ConnectionPool(IStreamConnector connector, int maxIdle, TimeSpan idleLifetime)
        {
            _connector = connector;
            _maxIdle = maxIdle;
            _idleLifetime = idleLifetime;
        }

        public IStreamConnector Connector => _connector;

        public int IdleCount => _idle.Count;

        /// <summary>An idle connection if one is fresh enough, otherwise a new one.</summary>
        public async Task<HttpConnection> RentAsync(bool allowReuse, CancellationToken cancellationToken)
        {
            if (allowReuse)
            {
                while (_idle.TryPop(out HttpConnection? connection))
                {
                    if (!connection.IsDisposed && DateTime.UtcNow - connection.LastUsed < _idleLifetime)
                    {
                        return connection;
                    }

                    connection.Dispose();
                }
            }

            EngineStream stream = await _connector.ConnectAsync(cancellationToken).ConfigureAwait(false);
            return new HttpConnection(stream);
        }

        public void Return(HttpConnection connection, bool reusable)
        {
            if (!reusable || connection.IsDisposed || Volatile.Read(ref _disposed) != 0 || _idle.Count >= _maxIdle)
            {
                connection.Dispose();
                return;
            }

            connection.HasBeenUsed = true;
            connection.LastUsed = DateTime.UtcNow;
            _idle.Push(connection);
        }

        public void Dispose()
        {
            Interlocked.Exchange(ref _disposed, 1);
            while (_idle.TryPop(out HttpConnection? connection))
            {
                connection.Dispose();
            }
        }
    }
}
