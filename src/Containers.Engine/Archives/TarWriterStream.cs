namespace Containers.Engine.Archives
{
    /// <summary>
    /// Files, directories and links of this machine as a tar stream made while it is read (a build context, docker cp's
    /// source): one file is open at a time and nothing is held but the current header, so a tree of any size is sent in
    /// the same small amount of memory, and sending starts at once.
    /// </summary>
    public sealed class TarWriterStream : Stream
    {
        private static readonly byte[] Zeros = new byte[TarHeader.BlockSize * 2];

        private readonly IEnumerator<TarWriterEntry> _entries;
        private readonly byte[]? _extraFile;
        private readonly string? _extraFileName;
        private byte[] _pending = Array.Empty<byte>();
        private int _pendingOffset;
        private FileStream? _file;
        private string? _fileName;
        private long _fileRemaining;
        private int _padding;
        private bool _finished;
        private long _position;

        internal TarWriterStream(IEnumerable<TarWriterEntry> entries, string? extraFileName, byte[]? extraFile)
        {
            _entries = entries.GetEnumerator();
            _extraFileName = extraFileName;
            _extraFile = extraFile;
        }

        /// <summary>Entries archived so far (files, directories and links).</summary>
        public int EntriesWritten { get; private set; }

        /// <summary>Bytes handed out so far: what a progress display counts.</summary>
        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            int written = 0;
            while (written < count)
            {
                if (_pendingOffset < _pending.Length)
                {
                    int take = Math.Min(count - written, _pending.Length - _pendingOffset);
                    Buffer.BlockCopy(_pending, _pendingOffset, buffer, offset + written, take);
                    _pendingOffset += take;
                    written += take;
                    continue;
                }

                if (_file != null)
                {
                    written += ReadFile(buffer, offset + written, count - written);
                    continue;
                }

                if (!Advance())
                {
                    break;
                }
            }

            _position += written;
            return written;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            // File reads are quick and local; doing them here spares a thread-pool hop per chunk.
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(Read(buffer, offset, count));
        }

        private int ReadFile(byte[] buffer, int offset, int count)
        {
            if (_fileRemaining == 0)
            {
                _file!.Dispose();
                _file = null;
                Queue(new byte[_padding]);
                return 0;
            }

            int read = _file!.Read(buffer, offset, (int)Math.Min(count, _fileRemaining));
            if (read == 0)
            {
                // The header promised a size the file no longer has: sending on would corrupt the archive.
                throw new IOException($"The build context changed while it was being sent: '{_fileName}' became shorter.");
            }

            _fileRemaining -= read;
            return read;
        }

        private bool Advance()
        {
            if (_finished)
            {
                return false;
            }

            if (_entries.MoveNext())
            {
                Begin(_entries.Current);
                return true;
            }

            _finished = true;
            if (_extraFile != null)
            {
                // A file held in memory goes last (a Dockerfile from outside a build context travels inside it, under a name of its own).
                byte[] header = TarHeader.Build(_extraFileName!, TarEntryKind.File, _extraFile.Length, 0x1A4, DateTime.UtcNow);
                var all = new byte[header.Length + _extraFile.Length + TarHeader.PaddingAfter(_extraFile.Length) + Zeros.Length];
                Buffer.BlockCopy(header, 0, all, 0, header.Length);
                Buffer.BlockCopy(_extraFile, 0, all, header.Length, _extraFile.Length);
                EntriesWritten++;
                Queue(all);
            }
            else
            {
                Queue(Zeros);
            }

            return true;
        }

        private void Begin(TarWriterEntry entry)
        {
            int mode = FileSystemFacts.ModeOf(entry.Source);
            DateTime modified = entry.Source.LastWriteTimeUtc;
            EntriesWritten++;
            if (entry.Kind != TarEntryKind.File)
            {
                Queue(TarHeader.Build(entry.ArchiveName, entry.Kind, 0, mode, modified, entry.LinkTarget));
                return;
            }

            FileStream file;
            try
            {
                // Buffer size 1 turns FileStream's own buffer off: reads land straight in the caller's buffer, and a
                // 64 KiB buffer per file allocated 714 MiB for a 52 MiB context of 20,000 files (bench/, build).
                file = new FileStream(entry.Source.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new IOException($"The build context file '{entry.Source.FullName}' cannot be read: {e.Message}", e);
            }

            // The size is taken from the open file, so it and the data sent agree unless the file shrinks meanwhile.
            long size = file.Length;
            _file = file;
            _fileName = entry.Source.FullName;
            _fileRemaining = size;
            _padding = TarHeader.PaddingAfter(size);
            Queue(TarHeader.Build(entry.ArchiveName, TarEntryKind.File, size, mode, modified));
        }

        private void Queue(byte[] bytes)
        {
            _pending = bytes;
            _pendingOffset = 0;
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
                _file?.Dispose();
                _entries.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
