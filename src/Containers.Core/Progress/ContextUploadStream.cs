using Containers.Engine.Archives;

namespace Containers.Progress
{
    /// <summary>
    /// A build context as the engine client reads it to send it, reporting how far it has got (TarWriterStream's
    /// Position, the bytes handed out) to an <see cref="UploadProgress"/>, and completing it when the context has all gone.
    /// </summary>
    public sealed class ContextUploadStream : Stream
    {
        private readonly TarWriterStream _context;
        private readonly UploadProgress _progress;

        public ContextUploadStream(TarWriterStream context, UploadProgress progress)
        {
            _context = context ?? throw new ArgumentNullException(nameof(context));
            _progress = progress ?? throw new ArgumentNullException(nameof(progress));
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _context.Position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Reported(_context.Read(buffer, offset, count));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Reported(await _context.ReadAsync(buffer, offset, count, cancellationToken));

        private int Reported(int read)
        {
            _progress.Report(_context.Position, _context.EntriesWritten);
            if (read == 0)
            {
                _progress.Complete();
            }

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
                _context.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
