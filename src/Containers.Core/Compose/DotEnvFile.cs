using System.Text;

namespace Containers.Compose
{
    /// <summary>
    /// The KEY=VALUE files compose reads: <c>.env</c> in the project directory (variables for interpolation) and each
    /// service's <c>env_file</c>. Blank lines and <c>#</c> comments are skipped, <c>export </c> is allowed before a key,
    /// a double-quoted value takes <c>\n</c>, <c>\t</c>, <c>\"</c> and <c>\\</c> escapes, a single-quoted one is taken as
    /// written, an unquoted one ends at <c> #</c>. A key without <c>=</c> has a null value: taken from the environment.
    /// </summary>
    internal static class DotEnvFile
    {
        public static List<KeyValuePair<string, string?>> Parse(string text, string file)
        {
            var entries = new List<KeyValuePair<string, string?>>();
            string[] lines = text.Replace("\r\n", "\n").Split('\n');
            for (int number = 1; number <= lines.Length; number++)
            {
                string line = lines[number - 1].Trim();
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                if (line.StartsWith("export ", StringComparison.Ordinal))
                {
                    line = line.Substring("export ".Length).TrimStart();
                }

                int equals = line.IndexOf('=');
                string key = (equals < 0 ? line : line.Substring(0, equals)).Trim();
                if (key.Length == 0 || key.Any(char.IsWhiteSpace))
                {
                    throw new ComposeFileException($"'{lines[number - 1].Trim()}' is not a KEY=VALUE line", file, number, 1, null);
                }

                entries.Add(new KeyValuePair<string, string?>(key, equals < 0 ? null : Value(line.Substring(equals + 1).TrimStart(), file, number)));
            }

            return entries;
        }

        /// <summary>The file's entries; a file that is not there is an error naming it.</summary>
        public static List<KeyValuePair<string, string?>> Read(string file, Func<string, ComposeFileException> missing)
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is FileNotFoundException || e is DirectoryNotFoundException)
            {
                throw missing($"the file '{file}' does not exist");
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw missing($"the file '{file}' cannot be read: {e.Message}");
            }

            return Parse(text, file);
        }

        private static string Value(string raw, string file, int line)
        {
            if (raw.Length > 0 && (raw[0] == '"' || raw[0] == '\''))
            {
                char quote = raw[0];
                var value = new StringBuilder();
                for (int i = 1; i < raw.Length; i++)
                {
                    char c = raw[i];
                    if (c == quote)
                    {
                        return value.ToString();
                    }

                    if (quote == '"' && c == '\\' && i + 1 < raw.Length)
                    {
                        char escaped = raw[++i];
                        value.Append(escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped == 'r' ? '\r' : escaped);
                    }
                    else
                    {
                        value.Append(c);
                    }
                }

                throw new ComposeFileException($"the value starting {quote} is never closed", file, line, 1, null);
            }

            int comment = raw.IndexOf(" #", StringComparison.Ordinal);
            return (comment < 0 ? raw : raw.Substring(0, comment)).TrimEnd();
        }
    }
}
