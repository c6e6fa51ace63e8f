using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using System.Text;
using Containers.Engine.Transport;

namespace Containers.Tests.Engine
{
    /// <summary>
    /// A scripted HTTP server on a unix socket, for what a real engine will not do on demand: close a pooled connection,
    /// never answer, or send a body in the same packet as an upgrade. Each accepted connection runs the handler.
    /// An exception the handler throws (an assertion inside it, a bug in the script) fails the test that owns the server:
    /// <see cref="Dispose"/> rethrows it as it was thrown. Only what a client hanging up or the server stopping causes
    /// (I/O, socket, disposed, cancelled) is expected and ignored. Handlers that wait should wait on <see cref="FakeConnection.Stopping"/>.
    /// </summary>
    internal sealed class FakeEngineServer : IDisposable
    {
        private readonly Socket _listener;
        private readonly Func<FakeConnection, Task> _handler;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly ConcurrentBag<Socket> _accepted = new ConcurrentBag<Socket>();
        private readonly ConcurrentBag<Task> _handlers = new ConcurrentBag<Task>();
        private readonly ConcurrentQueue<Exception> _failures = new ConcurrentQueue<Exception>();
        private int _connections;

        public FakeEngineServer(Func<FakeConnection, Task> handler)
        {
            _handler = handler;
            SocketPath = Path.Combine(Path.GetTempPath(), "cte-fake-" + Guid.NewGuid().ToString("N").Substring(0, 8) + ".sock");
            _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            _listener.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(SocketPath));
            _listener.Listen(128);
            _ = AcceptLoopAsync();
        }

        public string SocketPath { get; }

        public EngineEndpoint Endpoint => EngineEndpoint.Parse("unix://" + SocketPath);

        /// <summary>How many connections the client opened.</summary>
        public int Connections => Volatile.Read(ref _connections);

        private async Task AcceptLoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                Socket socket;
                try
                {
                    socket = await _listener.AcceptAsync(_stop.Token);
                }
                catch (Exception)
                {
                    return;
                }

                Interlocked.Increment(ref _connections);
                _accepted.Add(socket);
                _handlers.Add(Task.Run(async () =>
                {
                    using var connection = new FakeConnection(socket, _stop.Token);
                    try
                    {
                        await _handler(connection);
                    }
                    catch (Exception e) when (IsHangUp(e))
                    {
                        // The client hung up, or the test ended; that is often the point of the test.
                    }
                    catch (Exception e)
                    {
                        _failures.Enqueue(e);
                    }
                }));
            }
        }

        /// <summary>What a client hanging up or the server stopping throws in a handler, and nothing else.</summary>
        internal static bool IsHangUp(Exception e) =>
            e is IOException || e is SocketException || e is ObjectDisposedException || e is OperationCanceledException
            || (e.InnerException != null && IsHangUp(e.InnerException));

        /// <summary>Stops the server, lets the handlers end, then rethrows what a handler threw (the first, as thrown; several together).</summary>
        public void Dispose()
        {
            _stop.Cancel();
            _listener.Dispose();
            foreach (Socket socket in _accepted)
            {
                socket.Dispose();
            }

            File.Delete(SocketPath);

            // Closed sockets and the cancelled token end every handler at once; the bound only keeps a broken one from hanging the run.
            Task.WaitAny(Task.WhenAll(_handlers), Task.Delay(TimeSpan.FromSeconds(30)));
            Exception[] failures = _failures.ToArray();
            if (failures.Length == 1)
            {
                ExceptionDispatchInfo.Capture(failures[0]).Throw();
            }

            if (failures.Length > 1)
            {
                throw new AggregateException("The fake engine's handler failed on several connections.", failures);
            }
        }
    }

    /// <summary>The server's side of one connection.</summary>
    internal sealed class FakeConnection : IDisposable
    {
        private readonly NetworkStream _stream;
        private readonly MemoryStream _pending = new MemoryStream();

        public FakeConnection(Socket socket, CancellationToken stopping)
        {
            Socket = socket;
            Stopping = stopping;
            _stream = new NetworkStream(socket, ownsSocket: true);
        }

        public Socket Socket { get; }

        /// <summary>Cancelled when the test disposes the server: a handler that waits (never answers) waits on this.</summary>
        public CancellationToken Stopping { get; }

        /// <summary>Reads one request's head and its body (Content-Length or chunked); null when the client closed the connection.</summary>
        public async Task<string?> ReadRequestAsync()
        {
            var buffer = new byte[4096];
            while (true)
            {
                string seen = Encoding.ASCII.GetString(_pending.GetBuffer(), 0, (int)_pending.Length);
                int end = seen.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                if (end >= 0)
                {
                    string head = seen.Substring(0, end);
                    int length = 0;
                    bool chunked = false;
                    foreach (string line in head.Split("\r\n"))
                    {
                        if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                        {
                            length = int.Parse(line.Substring("Content-Length:".Length).Trim(), CultureInfo.InvariantCulture);
                        }

                        chunked |= line.StartsWith("Transfer-Encoding:", StringComparison.OrdinalIgnoreCase) && line.Contains("chunked", StringComparison.OrdinalIgnoreCase);
                    }

                    // A streamed body (build context, load): its chunks, up to the zero-size one.
                    while (chunked && (length = ChunkedLength(_pending.GetBuffer(), end + 4, (int)_pending.Length)) < 0)
                    {
                        int more = await _stream.ReadAsync(buffer);
                        if (more == 0)
                        {
                            return null;
                        }

                        _pending.Write(buffer, 0, more);
                    }

                    while (_pending.Length < end + 4 + length)
                    {
                        int more = await _stream.ReadAsync(buffer);
                        if (more == 0)
                        {
                            return null;
                        }

                        _pending.Write(buffer, 0, more);
                    }

                    byte[] rest = _pending.ToArray().AsSpan(end + 4 + length).ToArray();
                    _pending.SetLength(0);
                    _pending.Write(rest);
                    return head;
                }

                int read = await _stream.ReadAsync(buffer);
                if (read == 0)
                {
                    return null;
                }

                _pending.Write(buffer, 0, read);
            }
        }

        /// <summary>How many bytes the chunked body starting at <paramref name="start"/> takes, or -1 while it has not all arrived.</summary>
        private static int ChunkedLength(byte[] data, int start, int end)
        {
            int position = start;
            while (true)
            {
                int lineEnd = Encoding.ASCII.GetString(data, position, end - position).IndexOf("\r\n", StringComparison.Ordinal);
                if (lineEnd < 0)
                {
                    return -1;
                }

                int size = int.Parse(Encoding.ASCII.GetString(data, position, lineEnd), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                position += lineEnd + 2 + size + 2; // the data, then its CRLF (or the blank line after the last chunk)
                if (position > end)
                {
                    return -1;
                }

                if (size == 0)
                {
                    return position - start;
                }
            }
        }

        public Task WriteAsync(string text) => WriteAsync(Encoding.UTF8.GetBytes(text));

        public async Task WriteAsync(byte[] bytes)
        {
            await _stream.WriteAsync(bytes);
            await _stream.FlushAsync();
        }

        /// <summary>Reads what the client sends until it closes its sending side.</summary>
        public async Task<byte[]> ReadToEndAsync()
        {
            var copy = new MemoryStream();
            copy.Write(_pending.ToArray());
            await _stream.CopyToAsync(copy);
            return copy.ToArray();
        }

        public static string Ok(string body, string extraHeaders = "") =>
            $"HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: application/json\r\n{extraHeaders}Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";

        public void Dispose() => _stream.Dispose();
    }
}
