using Containers.HelpBuilder.Markdown;

namespace Containers.HelpBuilder.Pages
{
    /// <summary>One "### Example N: title" section: the first powershell block is the code, the rest explains it.</summary>
    public sealed class PageExample
    {
        public PageExample(string title, int line)
        {
            Title = title;
            Line = line;
        }

        public string Title { get; }

        public int Line { get; }

        /// <summary>What a reader pastes; null when the example has no code block.</summary>
        public string? Code { get; internal set; }

        public List<MarkdownNode> Remarks { get; } = new List<MarkdownNode>();

        public override string ToString() => Title;
    }
}
