using System.Text;
using Containers.Engine.Errors;

namespace Containers.Engine.Streams
{
    /// <summary>
    /// Reads the engine's stdout/stderr stream. Without a TTY every frame has an 8-byte header
    /// <c>[stream][0][0][0][uint32 big-endian length]</c>; with a TTY the bytes are raw standard output.
    /// Whether frames are present follows the container's Tty setting, not the Content-Type. The reader owns the stream:
    /// the logs endpoint hands it over with the engine's answer behind it, so disposing the reader ends the answer, and
    /// an answer the engine cut short raises <see cref="EngineConnectionException"/> rather than looking ended.
    /// </summary>
    /// <remarks>
    /// The engine writes a frame per line of output (about 80 bytes for a log line), so the frames are read in blocks
    /// of whatever has arrived, and one <see cref="ReadAsync"/> hands over the payloads of every frame of one stream that
    /// the block holds: the cost of a call (a task, a read of the stream) is paid per block, not per frame. The stream is
    /// read only when the block holds nothing to hand over, so a followed stream's output comes as soon as it arrives.
    /// </remarks>
    public sealed class MultiplexedStreamReader : IDisposable
    {
        private const int HeaderSize = 8;
        private const int BlockSize = 64 * 1024;

        private readonly Stream _stream;
        private readonly bool _tty;
        private byte[]? _block;
        private int _start;
        private int _end;
        private StdStream _current;
        private int _remaining;

        public MultiplexedStreamReader(Stream stream, bool tty)
        {
            _stream = stream;
            _tty = tty;
        }

        /// <summary>
        /// Reads the next piece of output into <paramref name="buffer"/>: bytes of one stream, possibly from several
        /// frames. Count 0 means the stream ended.
        /// </summary>
        public async Task<(StdStream Stream, int Count)> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            if (_tty)
            {
                int raw = await _stream.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
                return (StdStream.Stdout, raw);
            }

            _block ??= new byte[BlockSize];
            while (_remaining == 0 || _start == _end)
            {
                if (_remaining == 0 && _end - _start >= HeaderSize)
                {
                    await StartFrameAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (!await FillAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (_remaining > 0)
                    {
                        throw new EngineConnectionException($"unexpected EOF: the output stream ended with {_remaining} bytes of a frame still to come.");
                    }

                    if (_end > _start)
                    {
                        throw new EngineConnectionException("unexpected EOF: the output stream ended in the middle of a frame header.");
                    }

                    return (StdStream.Stdout, 0);
                }
            }

            StdStream stream = _current;
            int taken = 0;
            while (taken < count)
            {
                int take = Math.Min(Math.Min(count - taken, _remaining), _end - _start);
                Buffer.BlockCopy(_block, _start, buffer, offset + taken, take);
                _start += take;
                _remaining -= take;
                taken += take;

                // On to the next frame only when it is of the same stream and already here: never wait with bytes in
                // hand, and leave a bad header to the next call, after these bytes.
                if (_remaining > 0 || _end - _start < HeaderSize || _block[_start] != (byte)stream || !IsHeader(_block, _start))
                {
                    break;
                }

                StartFrame();
            }

            return (stream, taken);
        }

        /// <summary>Disposes the stream read, and with it the engine's answer (closing its connection when unread).</summary>
        public void Dispose() => _stream.Dispose();

        /// <summary>Takes the header at the start of the block; raises the engine's own error (stream 3) when it is one.</summary>
        private async Task StartFrameAsync(CancellationToken cancellationToken)
        {
            StartFrame();
            if (_current == StdStream.SystemError)
            {
                while (_end - _start < _remaining)
                {
                    if (!await FillAsync(cancellationToken).ConfigureAwait(false))
                    {
                        throw new EngineConnectionException("unexpected EOF: the output stream ended in the middle of a frame.");
                    }
                }

                string message = Encoding.UTF8.GetString(_block!, _start, _remaining);
                _start += _remaining;
                _remaining = 0;
                throw new EngineStreamException(message.Trim());
            }
        }

        private void StartFrame()
        {
            byte[] block = _block!;
            int at = _start;
            if (!IsHeader(block, at))
            {
                throw new EngineConnectionException("The output stream is not framed as expected; was the container created with a TTY?");
            }

            _current = (StdStream)block[at];
            _remaining = (block[at + 4] << 24) | (block[at + 5] << 16) | (block[at + 6] << 8) | block[at + 7];
            _start += HeaderSize;
        }

        private static bool IsHeader(byte[] block, int at) =>
            block[at] <= 3 && block[at + 1] == 0 && block[at + 2] == 0 && block[at + 3] == 0;

        /// <summary>Reads more of the stream into the block, after what it holds; false at the stream's end.</summary>
        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            byte[] block = _block!;
            if (_start == _end)
            {
                _start = _end = 0;
            }
            else if (_start > 0)
            {
                Buffer.BlockCopy(block, _start, block, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == block.Length)
            {
                // Only an error frame (stream 3) is held whole; the engine's are a line of text.
                Array.Resize(ref _block, block.Length * 2);
                block = _block;
            }

            int read = await _stream.ReadAsync(block, _end, block.Length - _end, cancellationToken).ConfigureAwait(false);
            _end += read;
            return read > 0;
        }
    }
}
