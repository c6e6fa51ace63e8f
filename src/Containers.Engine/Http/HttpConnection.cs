using System.Globalization;
using System.Net;
using System.Text;
using Containers.Engine.Errors;
using Containers.Engine.Transport;

namespace Containers.Engine.Http
{
    /// <summary>
    /// One HTTP/1.1 connection to the engine: writes a request, reads a response head, and serves the bytes after it
    /// (from its own buffer first) to whichever body stream or hijacked stream takes over.
    /// </summary>
    internal sealed class HttpConnection : IDisposable
    {
        private const string UserAgent = "Containers-PowerShell/0.1";
        private const int BufferSize = 64 * 1024;
        private const int MaxHeadBytes = 64 * 1024;
        private static readonly byte[] CrLf = { (byte)'\r', (byte)'\n' };
        private static readonly byte[] LastChunk = Encoding.ASCII.GetBytes("0\r\n\r\n");

        private readonly EngineStream _connection;
        private readonly byte[] _buffer = new byte[BufferSize];
        private int _start;
        private int _end;
        private int _disposed;

        public HttpConnection(EngineStream connection)
        {
            _connection = connection;
            LastUsed = DateTime.UtcNow;
        }

        public Stream Stream => _connection.Stream;

        public EngineStream Connection => _connection;

        /// <summary>True once this connection has carried a response: a failure before the first byte of the next one means the engine closed it while idle.</summary>
        public bool HasBeenUsed { get; set; }

        public DateTime LastUsed { get; set; }

        public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

        public async Task WriteRequestAsync(EngineRequest request, string target, string hostHeader, CancellationToken cancellationToken)
        {
            var head = new StringBuilder(256);
            head.Append(request.Method).Append(' ').Append(target).Append(" HTTP/1.1\r\n");
            head.Append("Host: ").Append(hostHeader).Append("\r\n");
            head.Append("User-Agent: ").Append(UserAgent).Append("\r\n");
            foreach (KeyValuePair<string, string> header in request.Headers)
            {
                head.Append(header.Key).Append(": ").Append(header.Value).Append("\r\n");
            }

            RequestContent? content = request.Content;
            if (content != null)
            {
                head.Append("Content-Type: ").Append(content.ContentType).Append("\r\n");
                if (content.Bytes != null)
                {
                    head.Append("Content-Length: ").Append(content.Bytes.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
                }
                else
                {
                    head.Append("Transfer-Encoding: chunked\r\n");
                }
            }
            else if (request.Method == "POST" || request.Method == "PUT")
            {
                // Go's server wants to know the body is empty rather than wait for one.
                head.Append("Content-Length: 0\r\n");
            }

            head.Append("\r\n");
            byte[] headBytes = Encoding.ASCII.GetBytes(head.ToString());
            Stream stream = _connection.Stream;

            if (content?.Bytes != null && headBytes.Length + content.Bytes.Length <= BufferSize)
            {
                // One write for small requests: fewer packets, and no Nagle pause between head and body.
                var single = new byte[headBytes.Length + content.Bytes.Length];
                Buffer.BlockCopy(headBytes, 0, single, 0, headBytes.Length);
                Buffer.BlockCopy(content.Bytes, 0, single, headBytes.Length, content.Bytes.Length);
                await stream.WriteAsync(single, 0, single.Length, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await stream.WriteAsync(headBytes, 0, headBytes.Length, cancellationToken).ConfigureAwait(false);
                if (content?.Bytes != null)
                {
                    await stream.WriteAsync(content.Bytes, 0, content.Bytes.Length, cancellationToken).ConfigureAwait(false);
                }
                else if (content?.Stream != null)
                {
                    await WriteChunkedAsync(stream, content.Stream, cancellationToken).ConfigureAwait(false);
                }
            }

            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        private static async Task WriteChunkedAsync(Stream destination, Stream source, CancellationToken cancellationToken)
        {
            var chunk = new byte[BufferSize];
            while (true)
            {
                int read = await source.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                byte[] size = Encoding.ASCII.GetBytes(read.ToString("X", CultureInfo.InvariantCulture) + "\r\n");
                await destination.WriteAsync(size, 0, size.Length, cancellationToken).ConfigureAwait(false);
                await destination.WriteAsync(chunk, 0, read, cancellationToken).ConfigureAwait(false);
                await destination.WriteAsync(CrLf, 0, CrLf.Length, cancellationToken).ConfigureAwait(false);
            }

            await destination.WriteAsync(LastChunk, 0, LastChunk.Length, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Reads the status line and headers. Returns null when the connection ended before any byte arrived.</summary>
        public async Task<ResponseHead?> ReadResponseHeadAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                int headEnd = IndexOfHeadEnd();
                if (headEnd >= 0)
                {
                    ResponseHead head = ParseHead(Encoding.ASCII.GetString(_buffer, _start, headEnd - _start));
                    _start = headEnd + 4;
                    if ((int)head.StatusCode == 100)
                    {
                        continue; // 100 Continue precedes the real answer.
                    }

                    return head;
                }

                if (_end - _start >= MaxHeadBytes)
                {
                    throw new EngineConnectionException("The engine's response headers exceed 64 KiB; this is not a Docker engine answering.");
                }

                int read = await FillAsync(cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    if (_end == _start)
                    {
                        return null;
                    }

                    throw new EngineConnectionException("The engine closed the connection in the middle of its response headers.");
                }
            }
        }

        private int IndexOfHeadEnd()
        {
            for (int i = _start; i + 3 < _end; i++)
            {
                if (_buffer[i] == '\r' && _buffer[i + 1] == '\n' && _buffer[i + 2] == '\r' && _buffer[i + 3] == '\n')
                {
                    return i;
                }
            }

            return -1;
        }

        private static ResponseHead ParseHead(string text)
        {
            string[] lines = text.Split(new[] { "\r\n" }, StringSplitOptions.None);
            string[] status = lines[0].Split(new[] { ' ' }, 3);
            if (status.Length < 2 || !status[0].StartsWith("HTTP/", StringComparison.Ordinal)
                || !int.TryParse(status[1], NumberStyles.None, CultureInfo.InvariantCulture, out int code))
            {
                throw new EngineConnectionException($"The engine answered with '{lines[0]}', which is not an HTTP status line.");
            }

            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (int i = 1; i < lines.Length; i++)
            {
                int colon = lines[i].IndexOf(':');
                if (colon <= 0)
                {
                    continue;
                }

                string name = lines[i].Substring(0, colon).Trim();
                string value = lines[i].Substring(colon + 1).Trim();
                headers[name] = headers.TryGetValue(name, out string? existing) ? existing + ", " + value : value;
            }

            return new ResponseHead((HttpStatusCode)code, headers, status[0] == "HTTP/1.0");
        }

        /// <summary>Bytes already read past what was parsed, then the connection itself.</summary>
        public async Task<int> ReadAsync(byte[] destination, int offset, int count, CancellationToken cancellationToken)
        {
            if (_end > _start)
            {
                return TakeBuffered(destination, offset, count);
            }

            if (count >= BufferSize)
            {
                // Large reads skip the buffer: log streams move megabytes through here.
                return await _connection.Stream.ReadAsync(destination, offset, count, cancellationToken).ConfigureAwait(false);
            }

            if (await FillAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                return 0;
            }

            return TakeBuffered(destination, offset, count);
        }

        /// <summary>Reads one CRLF-terminated line (chunk sizes, trailers). Null at end of stream.</summary>
        public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                for (int i = _start; i + 1 < _end; i++)
                {
                    if (_buffer[i] == '\r' && _buffer[i + 1] == '\n')
                    {
                        string line = Encoding.ASCII.GetString(_buffer, _start, i - _start);
                        _start = i + 2;
                        return line;
                    }
                }

                if (_end - _start >= MaxHeadBytes)
                {
                    throw new EngineConnectionException("The engine sent a line longer than 64 KiB where a chunk size was expected.");
                }

                if (await FillAsync(cancellationToken).ConfigureAwait(false) == 0)
                {
                    return null;
                }
            }
        }

        /// <summary>
        /// Takes the next chunk's size line (after the CRLF that ends the previous chunk's data) from the bytes already
        /// read, without reading more and without making a string of it; 0, taking nothing, when those bytes do not hold
        /// a whole plain size line (or it is the last chunk's), which <see cref="ReadLineAsync"/> then reads as usual.
        /// </summary>
        public long TakeBufferedChunkSize()
        {
            int at = _start;
            if (_end - at < 2 || _buffer[at] != '\r' || _buffer[at + 1] != '\n')
            {
                return 0;
            }

            long size = 0;
            for (at += 2; at < _end && size <= int.MaxValue; at++)
            {
                int digit = HexDigit(_buffer[at]);
                if (digit < 0)
                {
                    break;
                }

                size = (size * 16) + digit;
            }

            if (at + 1 >= _end || _buffer[at] != '\r' || _buffer[at + 1] != '\n' || at == _start + 2 || size > int.MaxValue)
            {
                return 0;
            }

            if (size > 0)
            {
                _start = at + 2;
            }

            return size;
        }

        private static int HexDigit(byte b) =>
            b >= '0' && b <= '9' ? b - '0' : b >= 'a' && b <= 'f' ? b - 'a' + 10 : b >= 'A' && b <= 'F' ? b - 'A' + 10 : -1;

        /// <summary>Copies bytes already read, at most <paramref name="count"/>, without reading more; 0 when none are.</summary>
        public int TakeBuffered(byte[] destination, int offset, int count)
        {
            int take = Math.Min(count, _end - _start);
            Buffer.BlockCopy(_buffer, _start, destination, offset, take);
            _start += take;
            return take;
        }

        private async Task<int> FillAsync(CancellationToken cancellationToken)
        {
            if (_start == _end)
            {
                _start = _end = 0;
            }
            else if (_end == _buffer.Length)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            int read = await _connection.Stream.ReadAsync(_buffer, _end, _buffer.Length - _end, cancellationToken).ConfigureAwait(false);
            _end += read;
            return read;
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _connection.Dispose();
            }
        }
    }
}
