using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Containers.Tests.Fixtures;

namespace Containers.Tests.Engine.Registries
{
    /// <summary>
    /// Azure Container Registry's token exchange on a loopback port, over plain HTTP: <c>POST /oauth2/exchange</c> with
    /// the form fields ACR reads (<c>grant_type=access_token</c>, <c>service</c>, <c>tenant</c>, <c>access_token</c>)
    /// answers <c>{"refresh_token": ...}</c> for the one access token and tenant it accepts, 401 with ACR's error JSON
    /// for any other token, and 400 for a malformed request.
    /// </summary>
    internal sealed class FakeAzureRegistry : ScriptedHttpServer
    {
        public const string RefreshToken = "acr-refresh-token-9f1c";
        public const string RefusalMessage = "the access token is invalid or expired";

        public FakeAzureRegistry(string acceptedToken, string acceptedTenant)
        {
            AcceptedToken = acceptedToken;
            AcceptedTenant = acceptedTenant;
        }

        public string AcceptedToken { get; }

        public string AcceptedTenant { get; }

        /// <summary>What the service field must name; the login server it plays unless a test says otherwise.</summary>
        public string? Service { get; set; }

        /// <summary>Every request, as "METHOD path".</summary>
        public ConcurrentQueue<string> Requests { get; } = new ConcurrentQueue<string>();

        /// <summary>The form fields of every exchange request, in order.</summary>
        public ConcurrentQueue<IReadOnlyDictionary<string, string>> Exchanges { get; } = new ConcurrentQueue<IReadOnlyDictionary<string, string>>();

        protected override void Answer(HttpListenerContext context)
        {
            HttpListenerRequest request = context.Request;
            string body = new StreamReader(request.InputStream, Encoding.UTF8).ReadToEnd();
            Requests.Enqueue(request.HttpMethod + " " + request.Url!.AbsolutePath);
            if (request.HttpMethod != "POST" || request.Url.AbsolutePath != "/oauth2/exchange")
            {
                Send(context, 404, "{\"errors\":[{\"code\":\"NOT_FOUND\",\"message\":\"not found\"}]}");
                return;
            }

            Dictionary<string, string> fields = body.Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=', 2))
                .ToDictionary(pair => WebUtility.UrlDecode(pair[0]), pair => pair.Length > 1 ? WebUtility.UrlDecode(pair[1]) : string.Empty);
            Exchanges.Enqueue(fields);

            bool wellFormed = (request.ContentType ?? string.Empty).StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal)
                && fields.TryGetValue("grant_type", out string? grant) && grant == "access_token"
                && fields.TryGetValue("service", out string? service) && service == (Service ?? Host)
                && fields.ContainsKey("tenant") && fields.ContainsKey("access_token");
            if (!wellFormed)
            {
                Send(context, 400, "{\"errors\":[{\"code\":\"BAD_REQUEST\",\"message\":\"malformed exchange request\"}]}");
                return;
            }

            if (fields["access_token"] != AcceptedToken || fields["tenant"] != AcceptedTenant)
            {
                Send(context, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"" + RefusalMessage + "\"}]}");
                return;
            }

            Send(context, 200, "{\"refresh_token\":\"" + RefreshToken + "\"}");
        }
    }
}
