using Containers.Engine.Errors;

namespace Containers.Engine.Http
{
    /// <summary>
    /// The raw duplex stream of an attach or exec after the engine switched protocols. Reads start with any bytes that
    /// arrived together with the 101 headers. <see cref="CloseWriteAsync"/> ends standard input without ending output.
    /// </summary>
    public sealed class HijackedStream : Stream
    {
        private readonly HttpConnection _connection;

        internal HijackedStream(HttpConnection connection)
        {
            _connection = connection;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) =>
            ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using (cancellationToken.Register(state => ((HttpConnection)state!).Dispose(), _connection))
            {
                try
                {
                    return await _connection.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (cancellationToken.IsCancellationRequested && !(e is OperationCanceledException))
                {
                    throw new OperationCanceledException("The attached stream was cancelled.", e, cancellationToken);
                }
                catch (Exception e) when (e is IOException || e is ObjectDisposedException)
                {
                    if (_connection.IsDisposed)
                    {
                        return 0;
                    }

                    throw new EngineConnectionException("The attached stream to the engine broke: " + e.Message, e);
                }
            }
        }

        public override void Write(byte[] buffer, int offset, int count) =>
            WriteAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            using (cancellationToken.Register(state => ((HttpConnection)state!).Dispose(), _connection))
            {
                try
                {
                    await _connection.Stream.WriteAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
                    await _connection.Stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (cancellationToken.IsCancellationRequested && !(e is OperationCanceledException))
                {
                    throw new OperationCanceledException("The attached stream was cancelled.", e, cancellationToken);
                }
                catch (Exception e) when (e is IOException || e is ObjectDisposedException)
                {
                    // Typically the process has exited and the engine closed the connection: still an engine error, not a bare IOException.
                    throw new EngineConnectionException("Could not send input over the attached stream: " + e.Message, e);
                }
            }
        }

        /// <summary>Closes the sending side only (standard input has ended); output keeps flowing until the process exits.</summary>
        public Task CloseWriteAsync() => _connection.Connection.CloseWriteAsync();

        public override void Flush() => _connection.Stream.Flush();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _connection.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
