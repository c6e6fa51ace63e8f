using System.Diagnostics;

namespace Containers.Bench
{
    /// <summary>
    /// Passes a request body through unchanged and watches it: bytes read so far, a callback as they pass, and the moment
    /// its end was read. The transport writes each piece before it reads the next, so the end being read means every
    /// byte of the body has been written to the socket (only the closing zero-length chunk follows).
    /// </summary>
    internal sealed class ObservedStream : Stream
    {
        private readonly Stream _inner;
        private readonly long _started;

        /// <param name="started">The <see cref="Stopwatch.GetTimestamp"/> the operation began at.</param>
        public ObservedStream(Stream inner, long started)
        {
            _inner = inner;
            _started = started;
        }

        public long BytesRead { get; private set; }

        /// <summary>Milliseconds from the start to the read that found the end; null until then.</summary>
        public double? EndMilliseconds { get; private set; }

        /// <summary>Called after each read with the running byte count (the memory sampler).</summary>
        public Action<long>? Progress { get; set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => BytesRead;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(_inner.Read(buffer, offset, count));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Count(await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false));

        private int Count(int read)
        {
            if (read == 0)
            {
                EndMilliseconds ??= Stopwatch.GetElapsedTime(_started).TotalMilliseconds;
                return 0;
            }

            BytesRead += read;
            Progress?.Invoke(BytesRead);
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

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
