using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Containers.PowerShell.Tests.Fixtures
{
    /// <summary>
    /// A fake Docker engine on a loopback TCP port (<c>-Engine tcp://127.0.0.1:PORT</c>) that answers as dockerd 20.10
    /// does, from <see cref="EngineAnswer"/>s replayed from a real one, and hangs up in the middle of one chosen answer at
    /// a chosen <see cref="CutPoint"/>: what a dying engine or a proxy that drops the connection does, which a real engine
    /// will not do on cue. The cut is decided here, not by timing, so a test of it is deterministic.
    /// </summary>
    public sealed class CuttingEngine : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly IReadOnlyList<EngineAnswer> _answers;
        private readonly string? _cutAnswer;
        private readonly CutPoint _cut;
        private readonly ConcurrentQueue<string> _requests = new ConcurrentQueue<string>();
        private readonly ConcurrentQueue<string> _unanswered = new ConcurrentQueue<string>();
        private readonly ConcurrentBag<TcpClient> _clients = new ConcurrentBag<TcpClient>();
        private int _cutsSent;

        /// <param name="cutAnswer">The <see cref="EngineAnswer.Name"/> of the answer to cut; every other answer is sent whole.</param>
        public CuttingEngine(IEnumerable<EngineAnswer> answers, string? cutAnswer = null, CutPoint cut = CutPoint.None)
        {
            _answers = answers.ToList();
            _cutAnswer = cutAnswer;
            _cut = cut;
            _listener.Start();
            _ = AcceptAsync();
        }

        public string Uri => "tcp://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port;

        /// <summary>"METHOD /path" of every request, in the order they came.</summary>
        public IReadOnlyList<string> Requests => _requests.ToList();

        /// <summary>Requests no answer matched (answered 404 with a message saying so): a test whose list is wrong says so here.</summary>
        public IReadOnlyList<string> Unanswered => _unanswered.ToList();

        /// <summary>Whether the cut answer was asked for and sent cut: a test of a cut that never happened proves nothing.</summary>
        public bool CutSent => Volatile.Read(ref _cutsSent) > 0;

        private async Task AcceptAsync()
        {
            while (true)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (e is ObjectDisposedException || e is SocketException || e is InvalidOperationException)
                {
                    return;
                }

                _clients.Add(client);
                _ = Task.Run(() => ServeAsync(client));
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            try
            {
                using (client)
                {
                    var reader = new RequestReader(client.GetStream());
                    string? request;
                    while ((request = await reader.ReadAsync().ConfigureAwait(false)) != null)
                    {
                        if (!await AnswerAsync(client.GetStream(), request).ConfigureAwait(false))
                        {
                            // Hang up as a dying engine does (FIN after what was sent), then let the client close its side:
                            // closing with its bytes unread would send a reset, which can drop what it has not read yet.
                            client.Client.Shutdown(SocketShutdown.Send);
                            using var drain = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                            while (await client.GetStream().ReadAsync(new byte[4096], drain.Token).ConfigureAwait(false) > 0)
                            {
                            }

                            return;
                        }
                    }
                }
            }
            catch (Exception e) when (e is IOException || e is SocketException || e is ObjectDisposedException || e is OperationCanceledException)
            {
                // The client hung up, or never did.
            }
        }

        /// <returns>false when the connection is to be closed (after a cut or a hijacked stream).</returns>
        private async Task<bool> AnswerAsync(Stream stream, string request)
        {
            _requests.Enqueue(request);
            int space = request.IndexOf(' ', StringComparison.Ordinal);
            string method = request.Substring(0, space);
            string path = request.Substring(space + 1);
            EngineAnswer? answer = _answers.FirstOrDefault(candidate => candidate.Answers(method, path));
            if (answer == null)
            {
                _unanswered.Enqueue(request);
                string message = "{\"message\":\"the fake engine has no answer for " + request + "\"}\n";
                await SendAsync(stream, new EngineAnswer("unanswered", ".*", "404 Not Found", new[] { Encoding.UTF8.GetBytes(message) }, chunked: false).Frame(CutPoint.None)).ConfigureAwait(false);
                return true;
            }

            bool cut = _cut != CutPoint.None && answer.Name == _cutAnswer;
            await SendAsync(stream, answer.Frame(cut ? _cut : CutPoint.None)).ConfigureAwait(false);
            if (cut)
            {
                Interlocked.Increment(ref _cutsSent);
            }

            return !cut && !answer.Upgrades;
        }

        private static async Task SendAsync(Stream stream, byte[] bytes)
        {
            await stream.WriteAsync(bytes).ConfigureAwait(false);
            await stream.FlushAsync().ConfigureAwait(false);
        }

        public void Dispose()
        {
            _listener.Stop();
            foreach (TcpClient client in _clients)
            {
                client.Dispose();
            }
        }

        /// <summary>Reads requests off one connection: the head, then the body by Content-Length or chunks, which it drops.</summary>
        private sealed class RequestReader
        {
            private readonly Stream _stream;
            private readonly byte[] _buffer = new byte[64 * 1024];
            private int _start;
            private int _end;

            public RequestReader(Stream stream)
            {
                _stream = stream;
            }

            /// <returns>"METHOD /path" without the version prefix and query; null when the client closed the connection.</returns>
            public async Task<string?> ReadAsync()
            {
                string? requestLine = await ReadLineAsync().ConfigureAwait(false);
                if (requestLine == null)
                {
                    return null;
                }

                long length = 0;
                bool chunked = false;
                string? line;
                while (!string.IsNullOrEmpty(line = await ReadLineAsync().ConfigureAwait(false)))
                {
                    int colon = line.IndexOf(':', StringComparison.Ordinal);
                    string name = line.Substring(0, colon).Trim();
                    string value = line.Substring(colon + 1).Trim();
                    if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    {
                        length = long.Parse(value, CultureInfo.InvariantCulture);
                    }
                    else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
                    {
                        chunked = value.Equals("chunked", StringComparison.OrdinalIgnoreCase);
                    }
                }

                if (chunked)
                {
                    long size;
                    do
                    {
                        string sizeLine = await ReadLineAsync().ConfigureAwait(false) ?? throw new IOException("The request body ended early.");
                        size = long.Parse(sizeLine.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                        await SkipAsync(size).ConfigureAwait(false);
                        await ReadLineAsync().ConfigureAwait(false);
                    }
                    while (size > 0);
                }
                else
                {
                    await SkipAsync(length).ConfigureAwait(false);
                }

                string[] parts = requestLine.Split(' ');
                string path = parts[1].Split('?')[0];
                if (path.StartsWith("/v1.", StringComparison.Ordinal))
                {
                    path = path.Substring(path.IndexOf('/', 1));
                }

                return parts[0] + " " + System.Uri.UnescapeDataString(path);
            }

            private async Task<bool> FillAsync()
            {
                if (_start == _end)
                {
                    _start = _end = 0;
                }
                else if (_end == _buffer.Length)
                {
                    Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
                    _end -= _start;
                    _start = 0;
                }

                int read = await _stream.ReadAsync(_buffer.AsMemory(_end)).ConfigureAwait(false);
                _end += read;
                return read > 0;
            }

            private async Task<string?> ReadLineAsync()
            {
                while (true)
                {
                    int newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
                    if (newline >= 0)
                    {
                        string line = Encoding.ASCII.GetString(_buffer, _start, newline - _start).TrimEnd('\r');
                        _start = newline + 1;
                        return line;
                    }

                    if (!await FillAsync().ConfigureAwait(false))
                    {
                        return null;
                    }
                }
            }

            private async Task SkipAsync(long count)
            {
                while (count > 0)
                {
                    if (_start == _end && !await FillAsync().ConfigureAwait(false))
                    {
                        throw new IOException("The request body ended early.");
                    }

                    int take = (int)Math.Min(count, _end - _start);
                    _start += take;
                    count -= take;
                }
            }
        }
    }
}
