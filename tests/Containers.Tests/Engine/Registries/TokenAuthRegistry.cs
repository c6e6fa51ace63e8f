using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Containers.Tests.Fixtures;

namespace Containers.Tests.Engine.Registries
{
    /// <summary>
    /// A registry with token authentication on a loopback port, scripted, for the flow docker-registry here does not
    /// offer without a token service: <c>/v2/</c> answers 401 <c>Bearer realm=.../token,service=...</c>; <c>/token</c>
    /// gives a token for the right basic credentials (GET) or the right refresh token (POST, OAuth grant); <c>/v2/</c>
    /// with that token answers 200.
    /// </summary>
    internal sealed class TokenAuthRegistry : ScriptedHttpServer
    {
        public const string UserName = "tokenuser";
        public const string Password = "token-pass";
        public const string RefreshToken = "refresh-good";
        public const string Service = "fake-registry";
        private const string AccessToken = "access-123";

        private readonly string? _realm;

        /// <param name="realm">The token service to name in the challenge; its own /token when null.</param>
        public TokenAuthRegistry(string? realm = null)
        {
            _realm = realm;
        }

        /// <summary>Every request, as "METHOD path?query [authorization scheme] body".</summary>
        public ConcurrentQueue<string> Requests { get; } = new ConcurrentQueue<string>();

        protected override void Answer(HttpListenerContext context)
        {
            HttpListenerRequest request = context.Request;
            string authorization = request.Headers["Authorization"] ?? string.Empty;
            string body = new StreamReader(request.InputStream, Encoding.UTF8).ReadToEnd();
            Requests.Enqueue($"{request.HttpMethod} {request.Url!.PathAndQuery} [{authorization.Split(' ')[0]}] {body}".TrimEnd());

            string path = request.Url.AbsolutePath;
            if (path == "/v2/")
            {
                if (authorization == "Bearer " + AccessToken)
                {
                    Send(context, 200, "{}");
                    return;
                }

                context.Response.Headers["WWW-Authenticate"] = $"Bearer realm=\"{_realm ?? "http://" + Host + "/token"}\",service=\"{Service}\"";
                Send(context, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}");
                return;
            }

            if (path == "/token" && request.HttpMethod == "GET")
            {
                string expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(UserName + ":" + Password));
                bool good = authorization == expected && request.QueryString["service"] == Service;
                Send(context, good ? 200 : 401, good ? "{\"token\":\"" + AccessToken + "\"}" : "{\"details\":\"incorrect username or password\"}");
                return;
            }

            if (path == "/token" && request.HttpMethod == "POST")
            {
                bool good = body.Contains("grant_type=refresh_token", StringComparison.Ordinal) && body.Contains("refresh_token=" + RefreshToken, StringComparison.Ordinal);
                Send(context, good ? 200 : 400, good ? "{\"access_token\":\"" + AccessToken + "\"}" : "{\"error\":\"invalid_grant\"}");
                return;
            }

            Send(context, 404, "{}");
        }
    }
}
