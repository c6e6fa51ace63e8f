namespace Containers.Compose
{
    /// <summary>Where a value was written: the file and its 1-based line and column. Kept on every node through merges.</summary>
    internal sealed class ComposeMark
    {
        public ComposeMark(string file, int line, int column)
        {
            File = file;
            Line = line;
            Column = column;
        }

        public string File { get; }

        public int Line { get; }

        public int Column { get; }

        /// <summary>The error for the value written here, under the key path <paramref name="key"/>.</summary>
        public ComposeFileException Error(string key, string reason) => new ComposeFileException(reason, File, Line, Column, key);
    }
}
