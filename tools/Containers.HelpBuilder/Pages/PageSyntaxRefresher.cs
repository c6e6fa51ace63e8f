using Containers.HelpBuilder.Markdown;
using Containers.HelpBuilder.Metadata;

namespace Containers.HelpBuilder.Pages
{
    /// <summary>
    /// Rewrites a page's SYNTAX section from the assembly, leaving every other line as it was, so the page shows the
    /// syntax PowerShell will show. A page without the section gets it before DESCRIPTION.
    /// </summary>
    public static class PageSyntaxRefresher
    {
        public static string Refresh(string pageText, CmdletDefinition cmdlet)
        {
            List<string> lines = MarkdownParser.Normalize(pageText).TrimEnd('\n').Split('\n').ToList();
            List<int> headings = SectionHeadings(lines);
            int start = headings.FirstOrDefault(i => lines[i].Trim() == "## SYNTAX", -1);
            IReadOnlyList<string> section = SyntaxText.Section(cmdlet);
            if (start >= 0)
            {
                int end = headings.FirstOrDefault(i => i > start, lines.Count);
                lines.RemoveRange(start, end - start);
                lines.InsertRange(start, section);
            }
            else
            {
                int description = headings.FirstOrDefault(i => lines[i].Trim() == "## DESCRIPTION", -1);
                if (description < 0)
                {
                    return string.Join("\n", lines) + "\n"; // nothing to anchor to; the page checks report it
                }

                lines.InsertRange(description, section);
            }

            return string.Join("\n", lines).TrimEnd('\n') + "\n";
        }

        /// <summary>The indexes of "## " lines outside code fences.</summary>
        private static List<int> SectionHeadings(List<string> lines)
        {
            var headings = new List<int>();
            bool inFence = false;
            for (int i = 0; i < lines.Count; i++)
            {
                string trimmed = lines[i].Trim();
                if (trimmed.StartsWith("```", StringComparison.Ordinal))
                {
                    inFence = !inFence;
                }
                else if (!inFence && lines[i].StartsWith("## ", StringComparison.Ordinal))
                {
                    headings.Add(i);
                }
            }

            return headings;
        }
    }
}
