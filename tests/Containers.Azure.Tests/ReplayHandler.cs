using System.Net;
using System.Text;

namespace Containers.Azure.Tests
{
    /// <summary>
    /// Replays a scripted ARM conversation, one exchange after another, in the order the script gives them. Each
    /// request must be the next scripted one: the same method, path and query (api-version and every other parameter,
    /// in any order). A request the script does not expect there is answered by an exception and remembered, so a
    /// caller that swallows the exception still fails in <see cref="AssertComplete"/>; that check also fails when an
    /// exchange was never asked for (a skipped poll, a step that never ran). Test classes call it when they end.
    /// The shapes each test scripts follow the published Azure REST API examples named beside them.
    /// </summary>
    public sealed class ReplayHandler : HttpMessageHandler
    {
        private readonly List<Exchange> _script = new List<Exchange>();
        private readonly List<string> _mismatches = new List<string>();
        private int _next;

        /// <summary>"METHOD /path" of each request, in order (the query is in <see cref="Uris"/>).</summary>
        public List<string> Requests { get; } = new List<string>();

        public List<string> Bodies { get; } = new List<string>();

        /// <summary>The full URIs, query included.</summary>
        public List<Uri> Uris { get; } = new List<Uri>();

        /// <summary>Scripts the next exchange: <paramref name="pathAndQuery"/> is the path with its whole query ("/subscriptions/...?api-version=2023-09-01").</summary>
        public ReplayHandler On(string method, string pathAndQuery, int status, string? body = null, params (string Name, string Value)[] headers)
        {
            _script.Add(new Exchange(method, pathAndQuery, status, body, headers));
            return this;
        }

        /// <summary>Fails (with every mismatch and every exchange never asked for) unless the conversation ran exactly as scripted.</summary>
        public void AssertComplete()
        {
            var problems = new List<string>(_mismatches);
            problems.AddRange(_script.Skip(_next).Select(e => "never requested: " + e));
            if (problems.Count > 0)
            {
                throw new ReplayIncompleteException(
                    "The ARM conversation did not run as scripted:\n  " + string.Join("\n  ", problems) + "\nRequests made: " + string.Join(" | ", Uris.Select((u, i) => Requests[i].Split(' ')[0] + " " + u.PathAndQuery)));
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Uri uri = request.RequestUri!;
            Requests.Add(request.Method.Method + " " + uri.AbsolutePath);
            Uris.Add(uri);
            Bodies.Add(request.Content == null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken));

            string asked = request.Method.Method + " " + uri.PathAndQuery;
            string? problem = _next >= _script.Count
                ? $"request {Requests.Count} {asked}: the script has no more exchanges"
                : _script[_next].Matches(request.Method.Method, uri) ? null : $"request {Requests.Count} {asked}: the script expected {_script[_next]}";
            if (problem != null)
            {
                _mismatches.Add(problem);
                throw new InvalidOperationException("The replayed conversation went off script: " + problem);
            }

            return _script[_next++].Respond();
        }

        private sealed class Exchange
        {
            private readonly string _method;
            private readonly string _path;
            private readonly string[] _query;
            private readonly int _status;
            private readonly string? _body;
            private readonly (string Name, string Value)[] _headers;

            public Exchange(string method, string pathAndQuery, int status, string? body, (string Name, string Value)[] headers)
            {
                int mark = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
                _method = method;
                _path = mark < 0 ? pathAndQuery : pathAndQuery.Substring(0, mark);
                _query = QueryOf(mark < 0 ? string.Empty : pathAndQuery.Substring(mark));
                _status = status;
                _body = body;
                _headers = headers;
            }

            // ARM paths are case-insensitive (the SDK writes "resourcegroups" where the docs write "resourceGroups");
            // query names and values are compared exactly.
            public bool Matches(string method, Uri uri) =>
                string.Equals(_method, method, StringComparison.OrdinalIgnoreCase)
                && string.Equals(_path, uri.AbsolutePath, StringComparison.OrdinalIgnoreCase)
                && _query.SequenceEqual(QueryOf(uri.Query), StringComparer.Ordinal);

            public HttpResponseMessage Respond()
            {
                var response = new HttpResponseMessage((HttpStatusCode)_status);
                if (_body != null)
                {
                    response.Content = new StringContent(_body, Encoding.UTF8, "application/json");
                }

                foreach ((string name, string value) in _headers)
                {
                    response.Headers.TryAddWithoutValidation(name, value);
                }

                return response;
            }

            public override string ToString() => _method + " " + _path + (_query.Length == 0 ? string.Empty : "?" + string.Join("&", _query));

            /// <summary>The query's parameters, decoded and sorted: the order a client writes them in does not matter.</summary>
            private static string[] QueryOf(string query) =>
                query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).OrderBy(p => p, StringComparer.Ordinal).ToArray();
        }
    }

    /// <summary>A replayed ARM conversation that did not run as scripted.</summary>
    public sealed class ReplayIncompleteException : Exception
    {
        public ReplayIncompleteException(string message)
            : base(message)
        {
        }
    }
}
