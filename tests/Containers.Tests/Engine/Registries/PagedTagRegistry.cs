using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using Containers.Tests.Fixtures;

namespace Containers.Tests.Engine.Registries
{
    /// <summary>
    /// A scripted registry on a loopback port for what the test registry (distribution 2.8) does not do: token
    /// authentication, and tag lists in pages linked by <c>Link</c> headers. <c>/v2/team/app/tags/list</c> answers 401
    /// <c>Bearer realm=.../token,service=paged,scope="repository:team/app:pull"</c>; <c>/token</c> gives a token
    /// anonymously (when allowed) or for the right basic credentials; with it the tags come <see cref="PageSize"/> at a time.
    /// </summary>
    internal sealed class PagedTagRegistry : ScriptedHttpServer
    {
        public const string Repository = "team/app";
        public const string UserName = "pager";
        public const string Password = "pager-secret";
        public const string Service = "paged";

        private int _tokens;

        public PagedTagRegistry()
        {
        }

        public string[] Tags { get; set; } = { "a", "b", "c", "d", "e" };

        /// <summary>Tags per page when the client does not ask for a number.</summary>
        public int PageSize { get; set; } = 2;

        public bool AllowAnonymous { get; set; } = true;

        /// <summary>Each token serves this many pages, then the registry asks again (tokens expire).</summary>
        public int PagesPerToken { get; set; } = int.MaxValue;

        /// <summary>Where the first page's Link points, instead of the next page; null for the real next page.</summary>
        public string? FirstLinkOverride { get; set; }

        /// <summary>Every request, as "METHOD path?query [authorization scheme]".</summary>
        public ConcurrentQueue<string> Requests { get; } = new ConcurrentQueue<string>();

        private readonly ConcurrentDictionary<string, int> _pagesServed = new ConcurrentDictionary<string, int>();

        protected override void Answer(HttpListenerContext context)
        {
            HttpListenerRequest request = context.Request;
            string authorization = request.Headers["Authorization"] ?? string.Empty;
            Requests.Enqueue($"{request.HttpMethod} {request.Url!.PathAndQuery} [{authorization.Split(' ')[0]}]");
            string path = request.Url.AbsolutePath;

            if (path == "/token")
            {
                bool basic = authorization == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(UserName + ":" + Password));
                bool good = request.QueryString["service"] == Service && (basic || (AllowAnonymous && authorization.Length == 0));
                string token = "tok-" + Interlocked.Increment(ref _tokens).ToString(CultureInfo.InvariantCulture);
                Send(context, good ? 200 : 401, good ? "{\"token\":\"" + token + "\"}" : "{\"details\":\"incorrect username or password\"}");
                return;
            }

            if (!path.StartsWith("/v2/", StringComparison.Ordinal) || !path.EndsWith("/tags/list", StringComparison.Ordinal))
            {
                Send(context, 404, "{}");
                return;
            }

            string repository = path.Substring(4, path.Length - 4 - "/tags/list".Length);
            string? bearer = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization.Substring(7) : null;
            if (bearer == null || _pagesServed.GetOrAdd(bearer, 0) >= PagesPerToken)
            {
                context.Response.Headers["WWW-Authenticate"] = $"Bearer realm=\"http://{Host}/token\",service=\"{Service}\",scope=\"repository:{repository}:pull\"";
                Send(context, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}");
                return;
            }

            _pagesServed.AddOrUpdate(bearer, 1, (_, served) => served + 1);
            if (repository != Repository)
            {
                Send(context, 404, "{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"repository name not known to registry\"}]}");
                return;
            }

            int size = int.TryParse(request.QueryString["n"], NumberStyles.None, CultureInfo.InvariantCulture, out int asked) ? asked : PageSize;
            string? last = request.QueryString["last"];
            string[] page = Tags.Where(tag => last == null || string.CompareOrdinal(tag, last) > 0).Take(size).ToArray();
            bool more = page.Length > 0 && Tags.Any(tag => string.CompareOrdinal(tag, page[page.Length - 1]) > 0);
            if (more)
            {
                string link = last == null && FirstLinkOverride != null
                    ? FirstLinkOverride
                    : $"/v2/{repository}/tags/list?last={page[page.Length - 1]}&n={size}";
                context.Response.Headers["Link"] = $"<{link}>; rel=\"next\"";
            }

            Send(context, 200, "{\"name\":\"" + repository + "\",\"tags\":[" + string.Join(",", page.Select(tag => "\"" + tag + "\"")) + "]}");
        }
    }
}
