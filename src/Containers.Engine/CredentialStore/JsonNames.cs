using System.Text.Json.Nodes;

namespace Containers.Engine.CredentialStore
{
    /// <summary>Property lookup in an editable JSON object with Go's rule: the exact name first, then any case (as <see cref="Configuration.GoJson"/> reads).</summary>
    internal static class JsonNames
    {
        /// <summary>The name as the object spells it, or null when it has no such property.</summary>
        public static string? Find(JsonObject obj, string name)
        {
            if (obj.ContainsKey(name))
            {
                return name;
            }

            foreach (KeyValuePair<string, JsonNode?> property in obj)
            {
                if (string.Equals(property.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return property.Key;
                }
            }

            return null;
        }
    }
}
