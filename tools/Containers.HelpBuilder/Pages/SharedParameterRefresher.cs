using Containers.HelpBuilder.Markdown;
using Containers.HelpBuilder.Metadata;

namespace Containers.HelpBuilder.Pages
{
    /// <summary>
    /// Writes the parameters most cmdlets share (-Engine, -ThrottleLimit) into each page from one text each,
    /// <c>docs/parameters/NAME.md</c>, so the description lives in one place and every page still shows it whole. A page
    /// whose cmdlet has the parameter and whose section is marked as shared (the marker line the refresher writes), or
    /// which has no section for it, gets the shared text; a section without the marker is the page's own and is left
    /// alone (Connect-ContainerEngine's -Engine means something of its own).
    /// </summary>
    public static class SharedParameterRefresher
    {
        /// <summary>docs/ keys of the shared texts: parameters/NAME.md.</summary>
        public const string Folder = "parameters/";

        public static string Marker(string parameterName) => $"<!-- shared: docs/{Folder}{parameterName}.md, edit it there -->";

        /// <param name="shared">Parameter name to its shared description (markdown, without a heading).</param>
        public static string Refresh(string pageText, CmdletDefinition cmdlet, IReadOnlyDictionary<string, string> shared)
        {
            List<string> lines = MarkdownParser.Normalize(pageText).TrimEnd('\n').Split('\n').ToList();
            foreach (KeyValuePair<string, string> parameter in shared.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                if (cmdlet.FindParameter(parameter.Key) is ParameterDefinition defined && defined.Name == parameter.Key)
                {
                    Apply(lines, parameter.Key, parameter.Value);
                }
            }

            return string.Join("\n", lines).TrimEnd('\n') + "\n";
        }

        private static void Apply(List<string> lines, string name, string description)
        {
            var section = new List<string> { "### -" + name, Marker(name) };
            section.AddRange(MarkdownParser.Normalize(description).Trim('\n').Split('\n'));
            section.Add(string.Empty);

            List<int> headings = HeadingLines(lines);
            int start = headings.FirstOrDefault(i => string.Equals(lines[i].Trim(), "### -" + name, StringComparison.OrdinalIgnoreCase), -1);
            if (start >= 0)
            {
                if (start + 1 < lines.Count && lines[start + 1].Trim() == Marker(name))
                {
                    int end = headings.FirstOrDefault(i => i > start, lines.Count);
                    lines.RemoveRange(start, end - start);
                    lines.InsertRange(start, section);
                }

                return;
            }

            int common = headings.FirstOrDefault(i => lines[i].Trim() == "### CommonParameters", -1);
            if (common >= 0)
            {
                lines.InsertRange(common, section);
            }
        }

        /// <summary>The indexes of "## " and "### " lines outside code fences.</summary>
        private static List<int> HeadingLines(List<string> lines)
        {
            var headings = new List<int>();
            bool inFence = false;
            for (int i = 0; i < lines.Count; i++)
            {
                if (lines[i].Trim().StartsWith("```", StringComparison.Ordinal))
                {
                    inFence = !inFence;
                }
                else if (!inFence && (lines[i].StartsWith("## ", StringComparison.Ordinal) || lines[i].StartsWith("### ", StringComparison.Ordinal)))
                {
                    headings.Add(i);
                }
            }

            return headings;
        }
    }
}
