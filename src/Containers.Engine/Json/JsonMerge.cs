using System.Text.Json.Nodes;

namespace Containers.Engine.Json
{
    /// <summary>Deep merge of JSON objects: objects merge key by key, anything else replaces what was there.</summary>
    public static class JsonMerge
    {
        public static void Into(JsonObject target, JsonObject source)
        {
            foreach (KeyValuePair<string, JsonNode?> pair in source.ToList())
            {
                string key = FindKey(target, pair.Key);
                if (pair.Value is JsonObject sourceObject && target[key] is JsonObject targetObject)
                {
                    Into(targetObject, sourceObject);
                }
                else
                {
                    target[key] = pair.Value?.DeepClone();
                }
            }
        }

        // The engine's names are case-insensitive to its decoder; merging 'hostconfig' must not create a second HostConfig.
        private static string FindKey(JsonObject target, string key) =>
            target.Select(pair => pair.Key).FirstOrDefault(existing => string.Equals(existing, key, System.StringComparison.OrdinalIgnoreCase)) ?? key;
    }
}
