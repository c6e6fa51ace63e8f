using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
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
    public sealed class MultiplexedStreamReader : IDisposable
    {
        private readonly Stream _stream;
        private readonly bool _tty;
        private readonly byte[] _header = new byte[8];
        private StdStream _current;
        private int _remaining;

        public MultiplexedStreamReader(Stream stream, bool tty)
        {
            _stream = stream;
            _tty = tty;
        }

        /// <summary>Reads the next piece of output into <paramref name="buffer"/>. Count 0 means the stream ended.</summary>
        public async Task<(StdStream Stream, int Count)> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            if (_tty)
            {
                int raw = await _stream.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
                return (StdStream.Stdout, raw);
            }

            while (_remaining == 0)
            {
                if (!await ReadHeaderAsync(cancellationToken).ConfigureAwait(false))
                {
                    return (StdStream.Stdout, 0);
                }

                if (_current == StdStream.SystemError)
                {
                    var message = new byte[_remaining];
                    await ReadExactlyAsync(message, message.Length, cancellationToken).ConfigureAwait(false);
                    _remaining = 0;
                    throw new EngineStreamException(Encoding.UTF8.GetString(message).Trim());
                }
            }

            int read = await _stream.ReadAsync(buffer, offset, Math.Min(count, _remaining), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new EngineConnectionException($"unexpected EOF: the output stream ended with {_remaining} bytes of a frame still to come.");
            }

            _remaining -= read;
            return (_current, read);
        }

        /// <summary>Disposes the stream read, and with it the engine's answer (closing its connection when unread).</summary>
        public void Dispose() => _stream.Dispose();

        private async Task<bool> ReadHeaderAsync(CancellationToken cancellationToken)
        {
            int filled = 0;
            while (filled < _header.Length)
            {
                int read = await _stream.ReadAsync(_header, filled, _header.Length - filled, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    if (filled == 0)
                    {
                        return false;
                    }

                    throw new EngineConnectionException("unexpected EOF: the output stream ended in the middle of a frame header.");
                }

                filled += read;
            }

            if (_header[0] > 3 || _header[1] != 0 || _header[2] != 0 || _header[3] != 0)
            {
                throw new EngineConnectionException("The output stream is not framed as expected; was the container created with a TTY?");
            }

            _current = (StdStream)_header[0];
            _remaining = (_header[4] << 24) | (_header[5] << 16) | (_header[6] << 8) | _header[7];
            return true;
        }

        private async Task ReadExactlyAsync(byte[] buffer, int count, CancellationToken cancellationToken)
        {
            int filled = 0;
            while (filled < count)
            {
                int read = await _stream.ReadAsync(buffer, filled, count - filled, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new EngineConnectionException("unexpected EOF: the output stream ended in the middle of a frame.");
                }

                filled += read;
            }
        }
    }
}
