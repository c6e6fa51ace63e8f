using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Containers.Compose;

namespace Containers.Commands.Projects
{
    /// <summary>
    /// The config-hash label: SHA-256 over a canonical JSON of the service as read (properties and map keys sorted), so
    /// the same file gives the same hash on every run and any change to what the service is gives another. The replica
    /// count (deploy.replicas or scale) is left out, as compose leaves out scale: scaling adds or removes containers, it does not recreate them.
    /// The hash is the module's own: docker compose and docker-compose hash their own models, so a container one tool
    /// made is recreated when another tool starts the project.
    /// </summary>
    public static class ProjectConfigHash
    {
        private static readonly JsonSerializerOptions Options = new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

        public static string Of(ComposeService service)
        {
            JsonObject node = JsonSerializer.SerializeToNode(service, Options)!.AsObject();

            // What decides how the image is got, not what the container is: compose leaves pull_policy out too.
            node.Remove(nameof(ComposeService.PullPolicy));
            node.Remove(nameof(ComposeService.Scale));
            if (node["Deploy"] is JsonObject deploy)
            {
                // A deploy: that sets only replicas is the same service as none.
                deploy.Remove("Replicas");
                if (deploy.All(pair => pair.Value is JsonArray { Count: 0 } || pair.Value is JsonObject { Count: 0 }))
                {
                    node.Remove("Deploy");
                }
            }

            using var hash = SHA256.Create();
            byte[] digest = hash.ComputeHash(Encoding.UTF8.GetBytes(Canonical(node)?.ToJsonString() ?? "null"));
            return string.Concat(digest.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
        }

        private static JsonNode? Canonical(JsonNode? node) => node switch
        {
            JsonObject map => new JsonObject(map.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => new KeyValuePair<string, JsonNode?>(pair.Key, Canonical(pair.Value)))),
            JsonArray list => new JsonArray(list.Select(Canonical).ToArray()),
            null => null,
            _ => JsonNode.Parse(node.ToJsonString()),
        };
    }
}
