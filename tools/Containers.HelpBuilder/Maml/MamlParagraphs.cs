using Containers.HelpBuilder.Markdown;

namespace Containers.HelpBuilder.Maml
{
    /// <summary>
    /// Markdown blocks as maml:para texts, the way Get-Help prints them: a paragraph per para, a list as one para with
    /// a line per item (so the items are not spread out by blank lines), code and tables verbatim.
    /// </summary>
    public static class MamlParagraphs
    {
        public static IReadOnlyList<string> From(IEnumerable<MarkdownNode> nodes)
        {
            var paragraphs = new List<string>();
            var list = new List<string>();
            foreach (MarkdownNode node in nodes)
            {
                if (node.Kind == MarkdownNodeKind.ListItem)
                {
                    list.Add(node.ListPrefix + InlineMarkdown.ToPlainText(node.Text));
                    continue;
                }

                if (list.Count > 0)
                {
                    paragraphs.Add(string.Join("\n", list));
                    list.Clear();
                }

                paragraphs.Add(node.Kind == MarkdownNodeKind.Code || node.Kind == MarkdownNodeKind.Table ? node.Text : InlineMarkdown.ToPlainText(node.Text));
            }

            if (list.Count > 0)
            {
                paragraphs.Add(string.Join("\n", list));
            }

            return paragraphs.Where(p => p.Trim().Length > 0).ToList();
        }
    }
}
