using System.Text.Json;

namespace Containers.Engine.Configuration
{
    /// <summary>
    /// Reads the docker CLI's JSON files as Go's encoding/json does: property names match exactly first, then
    /// case-insensitively, so a hand-edited "currentcontext" works for us exactly when it works for docker.
    /// </summary>
    internal static class GoJson
    {
        public static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
        {
            value = default;
            if (element.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            if (element.TryGetProperty(name, out value))
            {
                return true;
            }

            foreach (JsonProperty property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return true;
                }
            }

            return false;
        }

        /// <summary>The string at the property; null when it is absent or JSON null.</summary>
        /// <exception cref="FormatException">The property holds something other than a string.</exception>
        public static string? GetString(JsonElement element, string name)
        {
            if (!TryGetProperty(element, name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                throw new FormatException($"\"{name}\" should be a string but is {Describe(value.ValueKind)}.");
            }

            return value.GetString();
        }

        /// <summary>The boolean at the property; false when it is absent or JSON null.</summary>
        /// <exception cref="FormatException">The property holds something other than true or false.</exception>
        public static bool GetBoolean(JsonElement element, string name)
        {
            if (!TryGetProperty(element, name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
            {
                return false;
            }

            return value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw new FormatException($"\"{name}\" should be true or false but is {Describe(value.ValueKind)}."),
            };
        }

        public static string Describe(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Null => "null",
            _ => "nothing",
        };
    }
}
