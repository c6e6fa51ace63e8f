using System.Net;
using System.Text;

namespace Containers.Tests.Fixtures
{
    /// <summary>
    /// A plain-HTTP server on a free loopback port that answers each request with what a subclass scripts: the
    /// plumbing the scripted registries share (token services, paged tag lists, Azure's token exchange), for what the
    /// docker-registry here cannot play.
    /// </summary>
    internal abstract class ScriptedHttpServer : IDisposable
    {
        private readonly HttpListener _listener = new HttpListener();

        protected ScriptedHttpServer()
        {
            Port = LoopbackPort.Free();
            _listener.Prefixes.Add("http://127.0.0.1:" + Port + "/");
            _listener.Start();
            _ = ServeAsync();
        }

        public int Port { get; }

        /// <summary>host:port, as a registry's name.</summary>
        public string Host => "127.0.0.1:" + Port;

        /// <summary>Answers one request; the response is sent with <see cref="Send"/>.</summary>
        protected abstract void Answer(HttpListenerContext context);

        protected static void Send(HttpListenerContext context, int status, string json)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(json);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            context.Response.OutputStream.Write(bytes, 0, bytes.Length);
            context.Response.Close();
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException || e is ObjectDisposedException || e is InvalidOperationException)
                {
                    return;
                }

                try
                {
                    Answer(context);
                }
                catch (Exception e) when (e is HttpListenerException || e is IOException)
                {
                    // The client went away.
                }
            }
        }

        public void Dispose() => _listener.Close();
    }
}
