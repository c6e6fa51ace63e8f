using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Containers.Bench
{
    /// <summary>
    /// The floor: one kept-alive unix socket, a request written as a single ASCII string, the response head found by
    /// scanning for CRLFCRLF and the body read (de-chunked) and thrown away. No pooling, no timeouts, no parsing beyond
    /// what HTTP framing needs: nothing a real client could skip.
    /// Blocking by default. Asynchronous, it shows what .NET's async sockets cost by themselves: the first async call
    /// registers a socket with the runtime's epoll thread, and from then on every packet that arrives wakes that thread
    /// and hands work to the thread pool. So one instance is either blocking or asynchronous, never both.
    /// </summary>
    internal sealed class BareHttpConnection : IDisposable
    {
        private readonly Socket _socket;
        private readonly bool _asynchronous;
        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;

        public BareHttpConnection(string socketPath, bool asynchronous)
        {
            _asynchronous = asynchronous;
            _socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            _socket.Connect(new UnixDomainSocketEndPoint(socketPath));
        }

        /// <summary>Sends <c>GET target</c> and reads the whole body. Returns the body's length in bytes.</summary>
        public ValueTask<long> GetAsync(string target) => SendAsync("GET " + target + " HTTP/1.1\r\nHost: docker\r\n\r\n", target);

        /// <summary>Sends <c>POST target</c> without a body, with one more header, and reads the whole body (a pull's messages).</summary>
        public ValueTask<long> PostAsync(string target, string header, string value) =>
            SendAsync("POST " + target + " HTTP/1.1\r\nHost: docker\r\n" + header + ": " + value + "\r\nContent-Length: 0\r\n\r\n", target);

        private async ValueTask<long> SendAsync(string requestText, string target)
        {
            byte[] request = Encoding.ASCII.GetBytes(requestText);
            if (_asynchronous)
            {
                await _socket.SendAsync(request, SocketFlags.None);
            }
            else
            {
                _socket.Send(request);
            }

            int headEnd = await FindHeadEndAsync();
            string head = Encoding.ASCII.GetString(_buffer, _start, headEnd - _start);
            _start = headEnd + 4;
            if (!head.StartsWith("HTTP/1.1 200", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("Bare request " + target + " was answered: " + head.Split('\r')[0]);
            }

            string? contentLength = HeaderValue(head, "Content-Length");
            if (contentLength != null)
            {
                long length = long.Parse(contentLength, CultureInfo.InvariantCulture);
                await SkipAsync(length);
                return length;
            }

            if (HeaderValue(head, "Transfer-Encoding") == "chunked")
            {
                return await SkipChunkedAsync();
            }

            throw new InvalidOperationException("Bare request " + target + " has neither a length nor chunks; the connection cannot be kept.");
        }

        /// <summary>
        /// Sends <c>POST target</c> with a file as its body (Content-Length, the file sent by the kernel with sendfile:
        /// no copy through this process), calls <paramref name="headArrived"/> once the response head is in, and reads
        /// the chunked body to its end. Blocking connections only. Returns the body's length in bytes.
        /// </summary>
        public async ValueTask<long> PostFileAsync(string target, string file, string contentType, Action headArrived)
        {
            if (_asynchronous)
            {
                throw new InvalidOperationException("PostFileAsync sends with blocking calls; use a blocking connection.");
            }

            long length = new System.IO.FileInfo(file).Length;
            byte[] request = Encoding.ASCII.GetBytes(
                "POST " + target + " HTTP/1.1\r\nHost: docker\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                + length.ToString(CultureInfo.InvariantCulture) + "\r\n\r\n");
            _socket.SendFile(file, request, null, TransmitFileOptions.UseDefaultWorkerThread);
            int headEnd = await FindHeadEndAsync();
            string head = Encoding.ASCII.GetString(_buffer, _start, headEnd - _start);
            _start = headEnd + 4;
            headArrived();
            if (!head.StartsWith("HTTP/1.1 200", StringComparison.Ordinal) || HeaderValue(head, "Transfer-Encoding") != "chunked")
            {
                throw new InvalidOperationException("Bare POST " + target + " was answered: " + head.Split('\r')[0]);
            }

            return await SkipChunkedAsync();
        }

        private async ValueTask<long> SkipChunkedAsync()
        {
            long total = 0;
            while (true)
            {
                string sizeLine = await ReadLineAsync();
                int semicolon = sizeLine.IndexOf(';', StringComparison.Ordinal);
                long size = long.Parse(semicolon >= 0 ? sizeLine.Substring(0, semicolon) : sizeLine, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                if (size == 0)
                {
                    while ((await ReadLineAsync()).Length > 0)
                    {
                        // trailers
                    }

                    return total;
                }

                await SkipAsync(size);
                total += size;
                await ReadLineAsync(); // the CRLF after the chunk's data
            }
        }

        private async ValueTask SkipAsync(long count)
        {
            while (count > 0)
            {
                if (_start == _end)
                {
                    await FillAsync();
                }

                int take = (int)Math.Min(count, _end - _start);
                _start += take;
                count -= take;
            }
        }

        private async ValueTask<string> ReadLineAsync()
        {
            while (true)
            {
                int index = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
                if (index >= 0)
                {
                    string line = Encoding.ASCII.GetString(_buffer, _start, index - _start).TrimEnd('\r');
                    _start = index + 1;
                    return line;
                }

                await FillAsync();
            }
        }

        private async ValueTask<int> FindHeadEndAsync()
        {
            while (true)
            {
                int index = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8);
                if (index >= 0)
                {
                    return _start + index;
                }

                await FillAsync();
            }
        }

        /// <summary>Reads more bytes, keeping what is unread at the front of the buffer.</summary>
        private async ValueTask FillAsync()
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            int read = _asynchronous
                ? await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None)
                : _socket.Receive(_buffer, _end, _buffer.Length - _end, SocketFlags.None);
            if (read == 0)
            {
                throw new InvalidOperationException("The engine closed the bare connection mid-response.");
            }

            _end += read;
        }

        private static string? HeaderValue(string head, string name)
        {
            foreach (string line in head.Split("\r\n"))
            {
                int colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && string.Equals(line.Substring(0, colon), name, StringComparison.OrdinalIgnoreCase))
                {
                    return line.Substring(colon + 1).Trim();
                }
            }

            return null;
        }

        public void Dispose() => _socket.Dispose();
    }
}
