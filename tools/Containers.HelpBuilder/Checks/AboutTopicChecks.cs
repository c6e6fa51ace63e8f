using Containers.HelpBuilder.Markdown;

namespace Containers.HelpBuilder.Checks
{
    /// <summary>The shape Get-Help expects of an about_ topic: its name as the title, a short and a long description.</summary>
    public static class AboutTopicChecks
    {
        public static IReadOnlyList<HelpProblem> Check(string fileName, MarkdownDocument document)
        {
            string topic = Path.GetFileNameWithoutExtension(fileName);
            var problems = document.Problems.Select(p => new HelpProblem(HelpProblemKind.PageShape, topic, $"{fileName} {p}")).ToList();
            MarkdownNode? title = document.Nodes.FirstOrDefault(n => n.IsHeading(1));
            if (title?.Text != topic)
            {
                problems.Add(new HelpProblem(HelpProblemKind.PageShape, topic, $"{fileName}: the title is '# {title?.Text ?? "(missing)"}', not '# {topic}'."));
            }

            foreach (string section in new[] { "Short description", "Long description" })
            {
                if (!document.Nodes.Any(n => n.IsHeading(2) && string.Equals(n.Text, section, StringComparison.OrdinalIgnoreCase)))
                {
                    problems.Add(new HelpProblem(HelpProblemKind.PageShape, topic, $"{fileName} has no '## {section}' section."));
                }
            }

            return problems;
        }
    }
}
