namespace Containers.HelpBuilder.Markdown
{
    /// <summary>One block of a markdown file: a heading, a paragraph, a list item, a fenced code block or a table.</summary>
    public sealed class MarkdownNode
    {
        public MarkdownNode(MarkdownNodeKind kind, string text, int line, int level = 0, string? language = null, string? marker = null)
        {
            Kind = kind;
            Text = text;
            Line = line;
            Level = level;
            Language = language;
            Marker = marker;
        }

        public MarkdownNodeKind Kind { get; }

        /// <summary>
        /// A heading's or list item's text, a paragraph's lines joined with spaces, a code block's or table's lines
        /// joined with line feeds. Inline markdown (links, code spans, emphasis) is kept as written.
        /// </summary>
        public string Text { get; }

        /// <summary>The 1-based line the block starts on, for messages.</summary>
        public int Line { get; }

        /// <summary>A heading's level (1 for #); 0 for other blocks.</summary>
        public int Level { get; }

        /// <summary>A code block's info string (powershell, text...); null elsewhere.</summary>
        public string? Language { get; }

        /// <summary>A list item's marker as written: "-" for a bullet, "1." for a numbered item; null elsewhere.</summary>
        public string? Marker { get; }

        /// <summary>How the item starts in plain text: "- " for a bullet, the number for a numbered item.</summary>
        public string ListPrefix => Marker == null || Marker == "-" || Marker == "*" || Marker == "+" ? "- " : Marker + " ";

        public bool IsHeading(int level) => Kind == MarkdownNodeKind.Heading && Level == level;

        public override string ToString() => $"{Kind} (line {Line}): {Text}";
    }
}
