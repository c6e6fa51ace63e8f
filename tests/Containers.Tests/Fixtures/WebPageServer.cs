using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Containers.Tests.Fixtures
{
    /// <summary>
    /// A real web server on a loopback port that is not a Docker engine: every path answers with one HTML page, as a
    /// web server, a proxy's error page or another service on the engine's port would. HTTP/1.1 answers carry a
    /// Content-Length and keep the connection; HTTP/1.0 answers end by closing it (no Content-Length, no chunking), as
    /// small servers and Go's TLS port do. HEAD gets the head alone. Shared by the engine client and the hosted tests.
    /// </summary>
    public sealed class WebPageServer : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly ConcurrentBag<TcpClient> _clients = new ConcurrentBag<TcpClient>();
        private readonly string _statusLine;
        private readonly string _headers;
        private readonly byte[] _page;
        private readonly bool _http10;

        /// <param name="status">"404 Not Found", "200 OK"...</param>
        /// <param name="extraHeaders">More header lines, each ending in CRLF.</param>
        public WebPageServer(bool http10, string status, string page, string contentType = "text/html; charset=utf-8", string extraHeaders = "")
        {
            _http10 = http10;
            _statusLine = (http10 ? "HTTP/1.0 " : "HTTP/1.1 ") + status;
            _page = Encoding.UTF8.GetBytes(page);
            _headers = "Server: " + ServerName + "\r\nContent-Type: " + contentType + "\r\n" + extraHeaders
                + (http10 ? string.Empty : "Content-Length: " + _page.Length + "\r\n");
            _listener.Start();
            _ = AcceptAsync();
        }

        public const string ServerName = "TestWeb/1.0";

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public string Address => "tcp://127.0.0.1:" + Port;

        /// <summary>Requests answered, as "METHOD /path".</summary>
        public ConcurrentQueue<string> Requests { get; } = new ConcurrentQueue<string>();

        /// <summary>An HTML page whose title and heading say <paramref name="title"/>, with a paragraph of <paramref name="text"/>.</summary>
        public static string Page(string title, string text) =>
            "<!DOCTYPE html>\n<html>\n<head><title>" + title + "</title></head>\n<body>\n<h1>" + title + "</h1>\n<p>" + text + "</p>\n</body>\n</html>\n";

        private async Task AcceptAsync()
        {
            while (true)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync();
                }
                catch (Exception e) when (e is ObjectDisposedException || e is SocketException || e is InvalidOperationException)
                {
                    return;
                }

                _clients.Add(client);
                _ = ServeAsync(client);
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            try
            {
                NetworkStream stream = client.GetStream();
                var seen = new StringBuilder();
                var buffer = new byte[4096];
                while (true)
                {
                    int end;
                    while ((end = seen.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal)) < 0)
                    {
                        int read = await stream.ReadAsync(buffer, 0, buffer.Length);
                        if (read == 0)
                        {
                            return;
                        }

                        seen.Append(Encoding.ASCII.GetString(buffer, 0, read));
                    }

                    string head = seen.ToString(0, end);
                    seen.Remove(0, end + 4); // requests to a web page carry no body worth reading here
                    string[] requestLine = head.Split("\r\n")[0].Split(' ');
                    Requests.Enqueue(requestLine[0] + " " + requestLine[1]);
                    byte[] answer = Encoding.ASCII.GetBytes(_statusLine + "\r\n" + _headers + "\r\n");
                    await stream.WriteAsync(answer, 0, answer.Length);
                    if (requestLine[0] != "HEAD")
                    {
                        await stream.WriteAsync(_page, 0, _page.Length);
                    }

                    if (_http10)
                    {
                        return; // the close is what ends the body
                    }
                }
            }
            catch (Exception e) when (e is System.IO.IOException || e is ObjectDisposedException || e is SocketException)
            {
                // The client hung up.
            }
            finally
            {
                client.Dispose();
            }
        }

        public void Dispose()
        {
            _listener.Stop();
            foreach (TcpClient client in _clients)
            {
                client.Dispose();
            }
        }
    }
}
