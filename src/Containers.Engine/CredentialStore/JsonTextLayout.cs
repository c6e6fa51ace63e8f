using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Containers.Engine.CredentialStore
{
    /// <summary>
    /// How a JSON file is laid out: the indentation of one level (a tab, as the docker CLI's MarshalIndent writes, or the
    /// spaces a user chose) and the line ending, or no line breaks at all. What we add to a file is written the way the
    /// rest of it already is.
    /// </summary>
    internal sealed class JsonTextLayout
    {
        /// <summary>The docker CLI's own: one tab per level, "\n", no final newline.</summary>
        public static readonly JsonTextLayout DockerCli = new JsonTextLayout("\t", "\n");

        // The file is not HTML; escaping '<' or non-ASCII letters would only make a user's values harder to read.
        private static readonly JsonSerializerOptions Indented = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        private static readonly JsonSerializerOptions Compact = new JsonSerializerOptions { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        private JsonTextLayout(string? indent, string newLine)
        {
            Indent = indent;
            NewLine = newLine;
        }

        /// <summary>One level of indentation; null for a file written on one line.</summary>
        public string? Indent { get; }

        public string NewLine { get; }

        /// <summary>The layout of an existing file: its first indented line gives one level (the first property sits at level one).</summary>
        public static JsonTextLayout Detect(byte[] content)
        {
            string text = Encoding.UTF8.GetString(content).Trim();
            int newLine = text.IndexOf('\n');
            if (text.Length == 0)
            {
                return DockerCli;
            }

            if (newLine < 0)
            {
                return new JsonTextLayout(null, "\n");
            }

            string lineEnd = newLine > 0 && text[newLine - 1] == '\r' ? "\r\n" : "\n";
            foreach (string line in text.Split('\n'))
            {
                int width = 0;
                while (width < line.Length && (line[width] == ' ' || line[width] == '\t'))
                {
                    width++;
                }

                if (width > 0 && width < line.Length && line[width] != '\r')
                {
                    return new JsonTextLayout(line[0] == '\t' ? "\t" : new string(' ', width), lineEnd);
                }
            }

            return new JsonTextLayout(DockerCli.Indent, lineEnd);
        }

        /// <summary>The separator between a property's name and its value: <c>": "</c>, or <c>":"</c> on one line.</summary>
        public string NameSeparator => Indent == null ? ":" : ": ";

        /// <summary>What starts a line at the given depth: nothing on one line.</summary>
        public string LineStart(int depth) => Indent == null ? string.Empty : NewLine + Repeat(depth);

        /// <summary>The value as JSON, its inner lines indented for a value that starts at <paramref name="depth"/>.</summary>
        public string Render(JsonNode? value, int depth)
        {
            if (value == null)
            {
                return "null";
            }

            if (Indent == null)
            {
                return value.ToJsonString(Compact);
            }

            // System.Text.Json 8 indents by two spaces and ends lines with Environment.NewLine; translate both.
            string[] lines = value.ToJsonString(Indented).Split('\n');
            var text = new StringBuilder();
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i].TrimEnd('\r');
                if (i > 0)
                {
                    int spaces = 0;
                    while (spaces < line.Length && line[spaces] == ' ')
                    {
                        spaces++;
                    }

                    text.Append(NewLine).Append(Repeat(depth + (spaces / 2))).Append(line, spaces, line.Length - spaces);
                }
                else
                {
                    text.Append(line);
                }
            }

            return text.ToString();
        }

        private string Repeat(int depth)
        {
            var text = new StringBuilder();
            for (int i = 0; i < depth; i++)
            {
                text.Append(Indent);
            }

            return text.ToString();
        }
    }
}
