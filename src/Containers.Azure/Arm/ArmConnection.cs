using Azure.Core;
using Azure.Core.Pipeline;
using Azure.ResourceManager;

namespace Containers.Azure.Arm
{
    /// <summary>
    /// One subscription reached through Azure Resource Manager: an <see cref="ArmClient"/> (resource groups) and a bare
    /// pipeline over the same options (template deployments, which Azure.ResourceManager 1.7 has no types for, and the
    /// VM power operations). Tests give options whose Transport replays recorded conversations.
    /// </summary>
    public sealed class ArmConnection
    {
        public const string ManagementScope = "https://management.azure.com/.default";

        public ArmConnection(TokenCredential credential, string subscriptionId, ArmClientOptions? options = null)
        {
            SubscriptionId = subscriptionId ?? throw new ArgumentNullException(nameof(subscriptionId));
            ArmClientOptions armOptions = options ?? new ArmClientOptions();
            Endpoint = (armOptions.Environment ?? ArmEnvironment.AzurePublicCloud).Endpoint;
            Client = new ArmClient(credential, subscriptionId, armOptions);
            Pipeline = HttpPipelineBuilder.Build(armOptions, new BearerTokenAuthenticationPolicy(credential, ManagementScope));
        }

        public string SubscriptionId { get; }

        public Uri Endpoint { get; }

        public ArmClient Client { get; }

        public HttpPipeline Pipeline { get; }

        /// <summary>How long to wait between polls when Azure gives no Retry-After; tests make it zero.</summary>
        public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

        public Uri ResourceUri(string path, string apiVersion) =>
            new Uri(Endpoint, path.TrimStart('/') + (path.Contains("?") ? "&" : "?") + "api-version=" + apiVersion);

        /// <summary>Sends one request over the pipeline (authentication, retries) and reads the whole response before its message goes.</summary>
        public async Task<ArmReply> SendAsync(RequestMethod method, Uri uri, byte[]? body, CancellationToken cancellationToken)
        {
            using HttpMessage message = Pipeline.CreateMessage();
            message.Request.Method = method;
            message.Request.Uri.Reset(uri);
            if (body != null)
            {
                // Even an empty body goes as Content-Length: 0: ARM answers a POST without one with 411 Length Required.
                message.Request.Headers.Add("Content-Type", "application/json");
                message.Request.Content = RequestContent.Create(body);
            }

            await Pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
            return ArmReply.From(message.Response);
        }

        public string ResourceGroupPath(string resourceGroup) => $"/subscriptions/{SubscriptionId}/resourceGroups/{resourceGroup}";
    }
}
