using System.Text;
using Containers.HelpBuilder.Markdown;

namespace Containers.HelpBuilder.About
{
    /// <summary>
    /// An about_ page as the plain text Get-Help about_Name prints: TOPIC, then each "## " heading in capitals, text
    /// indented four spaces and wrapped at 80 columns, code indented eight and never wrapped (so keep code lines short).
    /// </summary>
    public static class AboutTextWriter
    {
        public const int Width = 80;

        private const string Indent = "    ";

        public static string Write(MarkdownDocument document)
        {
            var lines = new List<string>();
            MarkdownNodeKind? previous = null;
            foreach (MarkdownNode node in document.Nodes)
            {
                // Text follows its heading directly, and list items follow each other, as in PowerShell's own topics.
                bool continues = (previous == MarkdownNodeKind.Heading && node.Kind != MarkdownNodeKind.Heading)
                    || (previous == MarkdownNodeKind.ListItem && node.Kind == MarkdownNodeKind.ListItem);
                if (lines.Count > 0 && !continues)
                {
                    lines.Add(string.Empty);
                }

                lines.AddRange(Render(node));
                previous = node.Kind;
            }

            var text = new StringBuilder();
            foreach (string line in lines)
            {
                text.Append(line.TrimEnd()).Append('\n');
            }

            return text.ToString();
        }

        private static IEnumerable<string> Render(MarkdownNode node)
        {
            switch (node.Kind)
            {
                case MarkdownNodeKind.Heading when node.Level == 1:
                    return new[] { "TOPIC", Indent + node.Text };
                case MarkdownNodeKind.Heading when node.Level == 2:
                    return new[] { node.Text.ToUpperInvariant() };
                case MarkdownNodeKind.Heading when node.Level == 3:
                    string title = InlineMarkdown.ToPlainText(node.Text);
                    return new[] { Indent + title, Indent + new string('-', title.Length) };
                case MarkdownNodeKind.Heading:
                    return new[] { Indent + InlineMarkdown.ToPlainText(node.Text) };
                case MarkdownNodeKind.ListItem:
                    return Wrap(InlineMarkdown.ToPlainText(node.Text), Indent + node.ListPrefix, Indent + new string(' ', node.ListPrefix.Length));
                case MarkdownNodeKind.Code:
                    return node.Text.Split('\n').Select(line => line.Length == 0 ? line : Indent + Indent + line);
                case MarkdownNodeKind.Table:
                    return node.Text.Split('\n').Select(line => Indent + InlineMarkdown.ToPlainText(line));
                default:
                    return Wrap(InlineMarkdown.ToPlainText(node.Text), Indent, Indent);
            }
        }

        /// <summary>Words onto lines of at most <see cref="Width"/> columns; a word longer than a line gets one of its own.</summary>
        private static IEnumerable<string> Wrap(string text, string firstIndent, string nextIndent)
        {
            var lines = new List<string>();
            var line = new StringBuilder(firstIndent);
            bool empty = true;
            foreach (string word in text.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (!empty && line.Length + 1 + word.Length > Width)
                {
                    lines.Add(line.ToString());
                    line.Clear().Append(nextIndent);
                    empty = true;
                }

                if (!empty)
                {
                    line.Append(' ');
                }

                line.Append(word);
                empty = false;
            }

            lines.Add(line.ToString());
            return lines;
        }
    }
}
