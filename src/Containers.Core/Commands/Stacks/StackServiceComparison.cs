using System.Text.Json;
using System.Text.Json.Nodes;
using Containers.Engine.Json;
using Containers.Engine.Models;

namespace Containers.Commands.Stacks
{
    /// <summary>
    /// Whether a stack's service needs an update: the spec a deploy would send against the one the engine has, both
    /// normalised so that what only differs in form is equal: an absent value, null, false, 0, "" and an empty list or
    /// map are all "not set", and the defaults the engine writes into a spec it stores (a container's Isolation
    /// "default", an endpoint's Mode "vip", a task's Runtime "container") count as not set too; the order of the
    /// environment's entries does not count. A redeploy of an unchanged file then sends nothing and
    /// the service keeps its version, its tasks and its update status.
    /// </summary>
    public static class StackServiceComparison
    {
        /// <summary>The paths that differ ("TaskTemplate.ContainerSpec.Env"); empty when the service is as wanted.</summary>
        public static IReadOnlyList<string> Differences(ServiceSpec wanted, ServiceSpec current)
        {
            var differences = new List<string>();
            Compare(Normalize(Parse(wanted)), Normalize(Parse(current)), string.Empty, differences);
            return differences;
        }

        private static JsonNode? Parse(ServiceSpec spec) => JsonNode.Parse(JsonSerializer.Serialize(spec, EngineJson.Options));

        /// <summary>
        /// A list whose order means nothing: a task's environment (docker stack deploy sends it in Go's map order, which
        /// changes from one run to the next).
        /// </summary>
        private const string Unordered = "Env";

        private static readonly (string Key, string Value)[] EngineDefaults =
        {
            ("Isolation", "default"),
            ("Mode", "vip"),
            ("Runtime", "container"),
        };

        private static void Compare(JsonNode? wanted, JsonNode? current, string path, List<string> differences)
        {
            if (wanted is JsonObject wantedObject && current is JsonObject currentObject)
            {
                foreach (string key in wantedObject.Select(pair => pair.Key).Union(currentObject.Select(pair => pair.Key)).Distinct(StringComparer.Ordinal))
                {
                    Compare(wantedObject[key], currentObject[key], path.Length == 0 ? key : path + "." + key, differences);
                }

                return;
            }

            if (!string.Equals(wanted?.ToJsonString(), current?.ToJsonString(), StringComparison.Ordinal))
            {
                differences.Add(path.Length == 0 ? "(spec)" : path);
            }
        }

        // A copy with every unset value removed; null when the node itself is unset.
        private static JsonNode? Normalize(JsonNode? node)
        {
            switch (node)
            {
                case null:
                    return null;
                case JsonObject obj:
                    var result = new JsonObject();
                    foreach (KeyValuePair<string, JsonNode?> pair in obj)
                    {
                        JsonNode? value = Normalize(pair.Value);
                        if (value != null && !IsEngineDefault(pair.Key, value))
                        {
                            result[pair.Key] = value;
                        }
                    }

                    return result.Count == 0 ? null : result;
                case JsonArray array:
                    var items = new JsonArray();
                    IEnumerable<JsonNode?> ordered = array;
                    if (array.Parent is JsonObject parent && parent.TryGetPropertyValue(Unordered, out JsonNode? listed) && ReferenceEquals(listed, array))
                    {
                        ordered = array.OrderBy(item => item?.ToJsonString(), StringComparer.Ordinal).ToList();
                    }

                    foreach (JsonNode? item in ordered)
                    {
                        // An item is kept in place even when empty: the position of a list's items matters.
                        items.Add(Normalize(item) ?? new JsonObject());
                    }

                    return items.Count == 0 ? null : items;
                default:
                    return Leaf(node);
            }
        }

        private static JsonNode? Leaf(JsonNode node)
        {
            using JsonDocument document = JsonDocument.Parse(node.ToJsonString());
            JsonElement element = document.RootElement;
            return element.ValueKind switch
            {
                JsonValueKind.False or JsonValueKind.Null => null,
                JsonValueKind.String when element.GetString()!.Length == 0 => null,
                JsonValueKind.Number when element.GetDouble() == 0 => null,
                _ => JsonNode.Parse(element.GetRawText()),
            };
        }

        private static bool IsEngineDefault(string key, JsonNode value) =>
            value is JsonValue text && text.ToJsonString() is string json
            && EngineDefaults.Any(known => known.Key == key && json == "\"" + known.Value + "\"");
    }
}
