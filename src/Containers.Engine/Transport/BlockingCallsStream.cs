namespace Containers.Engine.Transport
{
    /// <summary>
    /// Wraps a socket's stream so that its asynchronous methods make blocking calls on the calling thread and return
    /// completed tasks. One asynchronous call would register the socket with the runtime's epoll thread for good (see
    /// <see cref="IBlockingStreamConnector"/>), so nothing may reach the inner stream's asynchronous methods.
    /// A call in progress cannot see a token: whoever owns the stream cancels by disposing it from the token's callback,
    /// and a read blocked on another thread then ends with 0 bytes or with an error, as the race falls.
    /// </summary>
    internal sealed class BlockingCallsStream : Stream
    {
        private readonly Stream _inner;

        public BlockingCallsStream(Stream inner)
        {
            _inner = inner;
        }

        public override bool CanRead => _inner.CanRead;

        public override bool CanSeek => false;

        public override bool CanWrite => _inner.CanWrite;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override void Write(byte[] buffer, int offset, int count) => _inner.Write(buffer, offset, count);

        public override void Flush() => _inner.Flush();

        // Failures come back in the task, as from any asynchronous method, not thrown at the caller.
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return Task.FromCanceled<int>(cancellationToken);
            }

            try
            {
                return Task.FromResult(_inner.Read(buffer, offset, count));
            }
            catch (Exception e)
            {
                return Task.FromException<int>(e);
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Blocking(() => _inner.Write(buffer, offset, count), cancellationToken);

        public override Task FlushAsync(CancellationToken cancellationToken) => Blocking(_inner.Flush, cancellationToken);

        private static Task Blocking(Action call, CancellationToken cancellationToken)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return Task.FromCanceled(cancellationToken);
            }

            try
            {
                call();
                return Task.CompletedTask;
            }
            catch (Exception e)
            {
                return Task.FromException(e);
            }
        }

        // Stream's own BeginRead/BeginWrite (and the Memory overloads on newer runtimes) end in Read, Write and the
        // array overloads above, so they stay blocking too.
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
