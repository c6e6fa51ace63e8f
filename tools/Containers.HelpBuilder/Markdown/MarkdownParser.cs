using System.Text;
using System.Text.RegularExpressions;

namespace Containers.HelpBuilder.Markdown
{
    /// <summary>
    /// Reads the subset of markdown platyPS pages use: front matter, ATX headings, paragraphs, list items, fenced code
    /// blocks and pipe tables. Lines inside a code fence are code, so a PowerShell comment (# ...) is never a heading.
    /// </summary>
    public static class MarkdownParser
    {
        private static readonly Regex Heading = new Regex(@"^(#{1,6})\s+(.+?)\s*$", RegexOptions.CultureInvariant);
        private static readonly Regex ListItem = new Regex(@"^\s*([-*+]|\d+[.)])\s+(.*)$", RegexOptions.CultureInvariant);

        public static MarkdownDocument Parse(string text)
        {
            string[] lines = Normalize(text).Split('\n');
            var nodes = new List<MarkdownNode>();
            var problems = new List<string>();
            int index = 0;
            List<KeyValuePair<string, string>> frontMatter = ReadFrontMatter(lines, ref index, problems);

            StringBuilder? block = null;
            MarkdownNodeKind blockKind = MarkdownNodeKind.Paragraph;
            int blockLine = 0;
            string? marker = null;

            void Flush()
            {
                if (block != null)
                {
                    nodes.Add(new MarkdownNode(blockKind, block.ToString(), blockLine, marker: blockKind == MarkdownNodeKind.ListItem ? marker : null));
                    block = null;
                }
            }

            for (; index < lines.Length; index++)
            {
                string line = lines[index];
                string trimmed = line.Trim();
                int lineNumber = index + 1;

                if (trimmed.StartsWith("```", StringComparison.Ordinal))
                {
                    Flush();
                    index = ReadFence(lines, index, nodes, problems);
                    continue;
                }

                if (trimmed.Length == 0)
                {
                    Flush();
                    continue;
                }

                if (IsComment(trimmed))
                {
                    // A note to the page's editors (where a shared section comes from), as markdown hides it from readers.
                    Flush();
                    continue;
                }

                Match heading = Heading.Match(line);
                if (heading.Success)
                {
                    Flush();
                    nodes.Add(new MarkdownNode(MarkdownNodeKind.Heading, heading.Groups[2].Value, lineNumber, heading.Groups[1].Value.Length));
                    continue;
                }

                if (trimmed.StartsWith("|", StringComparison.Ordinal))
                {
                    Flush();
                    var table = new List<string>();
                    while (index < lines.Length && lines[index].Trim().StartsWith("|", StringComparison.Ordinal))
                    {
                        table.Add(lines[index].Trim());
                        index++;
                    }

                    index--;
                    nodes.Add(new MarkdownNode(MarkdownNodeKind.Table, string.Join("\n", table), lineNumber));
                    continue;
                }

                Match item = ListItem.Match(line);
                if (item.Success)
                {
                    Flush();
                    block = new StringBuilder(item.Groups[2].Value.Trim());
                    marker = item.Groups[1].Value;
                    blockKind = MarkdownNodeKind.ListItem;
                    blockLine = lineNumber;
                    continue;
                }

                if (block == null)
                {
                    block = new StringBuilder(trimmed);
                    blockKind = MarkdownNodeKind.Paragraph;
                    blockLine = lineNumber;
                }
                else
                {
                    // A line that continues a paragraph or list item (markdown's lazy continuation).
                    block.Append(' ').Append(trimmed);
                }
            }

            Flush();
            return new MarkdownDocument(frontMatter, nodes, problems);
        }

        /// <summary>Line feeds only, whatever the editor wrote.</summary>
        /// <summary>A line that is one whole HTML comment: <c>&lt;!-- ... --&gt;</c>.</summary>
        public static bool IsComment(string trimmedLine) =>
            trimmedLine.StartsWith("<!--", StringComparison.Ordinal) && trimmedLine.EndsWith("-->", StringComparison.Ordinal);

        public static string Normalize(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

        private static List<KeyValuePair<string, string>> ReadFrontMatter(string[] lines, ref int index, List<string> problems)
        {
            var pairs = new List<KeyValuePair<string, string>>();
            if (lines.Length == 0 || lines[0].Trim() != "---")
            {
                return pairs;
            }

            for (int i = 1; i < lines.Length; i++)
            {
                string line = lines[i];
                if (line.Trim() == "---")
                {
                    index = i + 1;
                    return pairs;
                }

                int colon = line.IndexOf(':');
                if (colon > 0)
                {
                    pairs.Add(new KeyValuePair<string, string>(line.Substring(0, colon).Trim(), line.Substring(colon + 1).Trim()));
                }
                else if (line.Trim().Length > 0)
                {
                    problems.Add($"line {i + 1}: '{line.Trim()}' in the front matter is not 'key: value'.");
                }
            }

            problems.Add("line 1: the front matter is never closed with '---'.");
            index = lines.Length;
            return pairs;
        }

        /// <summary>Reads a fenced code block starting at <paramref name="start"/>; returns the index of its closing fence.</summary>
        private static int ReadFence(string[] lines, int start, List<MarkdownNode> nodes, List<string> problems)
        {
            string opening = lines[start];
            int indent = opening.Length - opening.TrimStart().Length;
            string language = opening.Trim().Substring(3).Trim();
            var content = new List<string>();
            for (int i = start + 1; i < lines.Length; i++)
            {
                if (lines[i].Trim().StartsWith("```", StringComparison.Ordinal))
                {
                    nodes.Add(new MarkdownNode(MarkdownNodeKind.Code, string.Join("\n", content), start + 1, language: language.Length == 0 ? null : language));
                    return i;
                }

                // Code inside an indented fence (in a list item) loses the fence's indentation, nothing more.
                string line = lines[i];
                int strip = Math.Min(indent, line.Length - line.TrimStart().Length);
                content.Add(line.Substring(strip).TrimEnd());
            }

            problems.Add($"line {start + 1}: a code block is never closed with ```.");
            nodes.Add(new MarkdownNode(MarkdownNodeKind.Code, string.Join("\n", content), start + 1, language: language.Length == 0 ? null : language));
            return lines.Length;
        }

        /// <summary>The markdown links in a text: [text](target).</summary>
        public static IEnumerable<(string Text, string Target)> Links(string text) =>
            Regex.Matches(text, @"\[([^\]]+)\]\(([^)\s]+)\)").Select(m => (m.Groups[1].Value, m.Groups[2].Value));
    }
}
