namespace Containers.HelpBuilder.Markdown
{
    /// <summary>A markdown file as blocks, with its YAML front matter as plain key/value pairs.</summary>
    public sealed class MarkdownDocument
    {
        public MarkdownDocument(IReadOnlyList<KeyValuePair<string, string>> frontMatter, IReadOnlyList<MarkdownNode> nodes, IReadOnlyList<string> problems)
        {
            FrontMatter = frontMatter;
            Nodes = nodes;
            Problems = problems;
        }

        public IReadOnlyList<KeyValuePair<string, string>> FrontMatter { get; }

        public IReadOnlyList<MarkdownNode> Nodes { get; }

        /// <summary>What could not be read, such as a code block that is never closed.</summary>
        public IReadOnlyList<string> Problems { get; }
    }
}
