using Containers.HelpBuilder.Markdown;

namespace Containers.HelpBuilder.Pages
{
    /// <summary>A cmdlet's help page (docs/Verb-Noun.md) in platyPS's shape, read into its sections.</summary>
    public sealed class CommandPage
    {
        public CommandPage(string fileName, IReadOnlyList<KeyValuePair<string, string>> frontMatter)
        {
            FileName = fileName;
            FrontMatter = frontMatter;
        }

        /// <summary>Get-Container.md.</summary>
        public string FileName { get; }

        /// <summary>The cmdlet the file is named after: Get-Container.</summary>
        public string Name => System.IO.Path.GetFileNameWithoutExtension(FileName);

        public IReadOnlyList<KeyValuePair<string, string>> FrontMatter { get; }

        /// <summary>The "# Verb-Noun" heading.</summary>
        public string? Title { get; internal set; }

        /// <summary>The "## " sections present, in page order, upper case.</summary>
        public List<string> Sections { get; } = new List<string>();

        public List<MarkdownNode> Synopsis { get; } = new List<MarkdownNode>();

        public List<MarkdownNode> Description { get; } = new List<MarkdownNode>();

        public List<PageExample> Examples { get; } = new List<PageExample>();

        public List<PageParameter> Parameters { get; } = new List<PageParameter>();

        /// <summary>Whether PARAMETERS ends with the usual "### CommonParameters" section.</summary>
        public bool HasCommonParameters { get; internal set; }

        public List<PageTypeNote> Inputs { get; } = new List<PageTypeNote>();

        public List<PageTypeNote> Outputs { get; } = new List<PageTypeNote>();

        public List<MarkdownNode> Notes { get; } = new List<MarkdownNode>();

        public List<PageLink> RelatedLinks { get; } = new List<PageLink>();

        /// <summary>Where the page does not follow the shape, each message naming the file and line.</summary>
        public List<string> Problems { get; } = new List<string>();

        public string? FrontMatterValue(string key)
        {
            foreach (KeyValuePair<string, string> pair in FrontMatter)
            {
                if (string.Equals(pair.Key, key, System.StringComparison.OrdinalIgnoreCase))
                {
                    return pair.Value;
                }
            }

            return null;
        }

        public override string ToString() => FileName;
    }
}
