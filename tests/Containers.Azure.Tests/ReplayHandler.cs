using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Containers.Azure.Tests
{
    /// <summary>
    /// Replays a recorded ARM conversation: each "METHOD /path" has its responses in the order Azure gave them (the
    /// shapes are those of real responses: status codes, Azure-AsyncOperation, Location and Retry-After headers, bodies).
    /// Requests are logged; one the recording does not have fails the test with its method and path.
    /// </summary>
    public sealed class ReplayHandler : HttpMessageHandler
    {
        private readonly Dictionary<string, Queue<Func<HttpResponseMessage>>> _responses = new Dictionary<string, Queue<Func<HttpResponseMessage>>>(StringComparer.OrdinalIgnoreCase);

        public List<string> Requests { get; } = new List<string>();

        public List<string> Bodies { get; } = new List<string>();

        /// <summary>The full URIs, query included (api-version, which operation URL was polled).</summary>
        public List<Uri> Uris { get; } = new List<Uri>();

        public ReplayHandler On(string method, string path, int status, string? body = null, params (string Name, string Value)[] headers)
        {
            string key = method + " " + path;
            if (!_responses.TryGetValue(key, out var queue))
            {
                _responses[key] = queue = new Queue<Func<HttpResponseMessage>>();
            }

            queue.Enqueue(() =>
            {
                var response = new HttpResponseMessage((HttpStatusCode)status);
                if (body != null)
                {
                    response.Content = new StringContent(body, Encoding.UTF8, "application/json");
                }

                foreach ((string name, string value) in headers)
                {
                    response.Headers.TryAddWithoutValidation(name, value);
                }

                return response;
            });
            return this;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string key = request.Method.Method + " " + request.RequestUri!.AbsolutePath;
            Requests.Add(key);
            Uris.Add(request.RequestUri);
            Bodies.Add(request.Content == null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken));
            if (_responses.TryGetValue(key, out var queue) && queue.Count > 0)
            {
                return queue.Dequeue()();
            }

            throw new InvalidOperationException($"The recording has no (more) answers for {key}. Requests so far: {string.Join(" | ", Requests)}");
        }
    }
}
