using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Containers.Engine.CredentialStore
{
    /// <summary>
    /// Sets one property of a JSON file's top-level object by replacing the bytes of its value and nothing else, so the
    /// rest of the user's file (other settings, their order, escapes, spacing) stays exactly as it was.
    /// </summary>
    internal static class TopLevelProperty
    {
        /// <summary>
        /// The file with <paramref name="name"/> set to <paramref name="value"/>: in place when present (matched as Go
        /// matches it: exactly, else in any case), otherwise added first or last. <paramref name="content"/> holds one JSON
        /// object, or nothing.
        /// </summary>
        public static byte[] Set(byte[] content, string name, JsonNode value, bool addFirst)
        {
            JsonTextLayout layout = JsonTextLayout.Detect(content);
            var spans = new List<(string Name, int Start, int End)>();
            if (Encoding.UTF8.GetString(content).Trim().Length == 0)
            {
                return Encoding.UTF8.GetBytes(JsonTextLayout.DockerCli.Render(new JsonObject { [name] = value }, 0));
            }

            var reader = new Utf8JsonReader(content);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new InvalidDataException("The file does not hold a JSON object.");
            }

            int open = (int)reader.TokenStartIndex;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string propertyName = reader.GetString()!;
                reader.Read();
                int start = (int)reader.TokenStartIndex;
                reader.Skip();
                spans.Add((propertyName, start, (int)reader.BytesConsumed));
            }

            int close = (int)reader.TokenStartIndex;
            int target = spans.FindLastIndex(span => span.Name == name);
            if (target < 0)
            {
                target = spans.FindLastIndex(span => string.Equals(span.Name, name, StringComparison.OrdinalIgnoreCase));
            }

            if (target >= 0)
            {
                return Splice(content, spans[target].Start, spans[target].End, layout.Render(value, 1));
            }

            if (spans.Count == 0)
            {
                // "{}" or "{ }": no layout of the user's to follow inside, so the object is written whole, as the CLI would.
                return Splice(content, open, close + 1, JsonTextLayout.DockerCli.Render(new JsonObject { [name] = value }, 0));
            }

            string property = layout.LineStart(1) + JsonSerializer.Serialize(name) + layout.NameSeparator + layout.Render(value, 1);
            return addFirst
                ? Splice(content, open + 1, open + 1, property + ",")
                : Splice(content, spans[spans.Count - 1].End, spans[spans.Count - 1].End, "," + property);
        }

        private static byte[] Splice(byte[] content, int start, int end, string replacement)
        {
            byte[] middle = Encoding.UTF8.GetBytes(replacement);
            byte[] result = new byte[start + middle.Length + (content.Length - end)];
            Array.Copy(content, 0, result, 0, start);
            Array.Copy(middle, 0, result, start, middle.Length);
            Array.Copy(content, end, result, start + middle.Length, content.Length - end);
            return result;
        }
    }
}
