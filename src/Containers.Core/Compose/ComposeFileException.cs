namespace Containers.Compose
{
    /// <summary>
    /// Everything wrong with a compose file, as one exception: the message names the file, the line and column, and the
    /// key (as a path: <c>services.web.ports[1]</c>), so a user can go straight to it. Thrown before the reader returns
    /// anything, so nothing is ever deployed from a file that is partly wrong.
    /// </summary>
    public sealed class ComposeFileException : Exception
    {
        public ComposeFileException(string reason, string? file, int line, int column, string? key)
            : base(Describe(reason, file, line, column, key))
        {
            Reason = reason;
            File = file;
            Line = line;
            Column = column;
            Key = key;
        }

        /// <summary>What is wrong, without the place.</summary>
        public string Reason { get; }

        /// <summary>The file's full path; null when the problem is not in one file (no files given).</summary>
        public string? File { get; }

        /// <summary>1-based; 0 when the problem belongs to the whole file.</summary>
        public int Line { get; }

        public int Column { get; }

        /// <summary>The key's path in the file (<c>services.web.image</c>); null for the file itself.</summary>
        public string? Key { get; }

        private static string Describe(string reason, string? file, int line, int column, string? key)
        {
            string place = file ?? "compose";
            if (line > 0)
            {
                place += $", line {line}, column {column}";
            }

            if (!string.IsNullOrEmpty(key))
            {
                place += $", key '{key}'";
            }

            return place + ": " + reason;
        }
    }
}
