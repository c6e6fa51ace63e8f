using Containers.HelpBuilder.Markdown;

namespace Containers.HelpBuilder.Pages
{
    /// <summary>
    /// Reads a cmdlet page section by section, as platyPS lays it out: SYNOPSIS, SYNTAX (generated, skipped here),
    /// DESCRIPTION, EXAMPLES, PARAMETERS, INPUTS, OUTPUTS, NOTES, RELATED LINKS. What does not fit is reported, not guessed at.
    /// </summary>
    public static class CommandPageReader
    {
        public static readonly IReadOnlyList<string> SectionNames = new[]
        {
            "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS",
        };

        public static CommandPage Read(string fileName, string text)
        {
            MarkdownDocument document = MarkdownParser.Parse(text);
            var page = new CommandPage(fileName, document.FrontMatter);
            page.Problems.AddRange(document.Problems.Select(problem => $"{fileName} {problem}"));

            string? section = null;
            PageExample? example = null;
            PageParameter? parameter = null;
            PageTypeNote? typeNote = null;

            void Problem(MarkdownNode node, string message) => page.Problems.Add($"{fileName} line {node.Line}: {message}");

            foreach (MarkdownNode node in document.Nodes)
            {
                if (node.Kind == MarkdownNodeKind.Heading && node.Level <= 2)
                {
                    example = null;
                    parameter = null;
                    typeNote = null;
                    if (node.Level == 1)
                    {
                        if (page.Title != null)
                        {
                            Problem(node, $"a second '# {node.Text}' title; a page documents one cmdlet.");
                        }

                        page.Title ??= node.Text;
                        section = null;
                        continue;
                    }

                    section = node.Text.Trim().ToUpperInvariant();
                    if (!SectionNames.Contains(section))
                    {
                        Problem(node, $"'## {node.Text}' is not a section of a cmdlet page ({string.Join(", ", SectionNames)}).");
                    }
                    else if (page.Sections.Contains(section))
                    {
                        Problem(node, $"'## {section}' appears twice.");
                    }
                    else
                    {
                        page.Sections.Add(section);
                    }

                    continue;
                }

                if (node.Kind == MarkdownNodeKind.Heading)
                {
                    switch (section)
                    {
                        case "SYNTAX":
                            continue; // parameter set names: the builder writes this section
                        case "EXAMPLES" when node.Level == 3:
                            example = new PageExample(node.Text, node.Line);
                            page.Examples.Add(example);
                            continue;
                        case "PARAMETERS" when node.Level == 3 && node.Text == "CommonParameters":
                            page.HasCommonParameters = true;
                            parameter = null;
                            continue;
                        case "PARAMETERS" when node.Level == 3 && node.Text.StartsWith("-", StringComparison.Ordinal):
                            parameter = new PageParameter(node.Text.Substring(1).Trim(), node.Line);
                            page.Parameters.Add(parameter);
                            continue;
                        case "INPUTS" when node.Level == 3:
                            typeNote = new PageTypeNote(node.Text);
                            page.Inputs.Add(typeNote);
                            continue;
                        case "OUTPUTS" when node.Level == 3:
                            typeNote = new PageTypeNote(node.Text);
                            page.Outputs.Add(typeNote);
                            continue;
                        default:
                            Problem(node, $"'{new string('#', node.Level)} {node.Text}' is not expected under '## {section ?? "(no section)"}'.");
                            continue;
                    }
                }

                switch (section)
                {
                    case "SYNOPSIS":
                        page.Synopsis.Add(node);
                        break;
                    case "SYNTAX":
                        break;
                    case "DESCRIPTION":
                        page.Description.Add(node);
                        break;
                    case "EXAMPLES" when example != null:
                        if (node.Kind == MarkdownNodeKind.Code && example.Code == null)
                        {
                            if (!string.Equals(node.Language, "powershell", StringComparison.OrdinalIgnoreCase))
                            {
                                Problem(node, $"the code of '{example.Title}' is marked '{node.Language ?? "(nothing)"}'; mark it powershell.");
                            }

                            example.Code = node.Text;
                        }
                        else
                        {
                            example.Remarks.Add(node);
                        }

                        break;
                    case "PARAMETERS" when parameter != null:
                        parameter.Description.Add(node);
                        break;
                    case "PARAMETERS" when page.HasCommonParameters:
                        break; // the standard CommonParameters text
                    case "INPUTS" when typeNote != null:
                    case "OUTPUTS" when typeNote != null:
                        typeNote.Description.Add(node);
                        break;
                    case "NOTES":
                        page.Notes.Add(node);
                        break;
                    case "RELATED LINKS":
                        page.RelatedLinks.AddRange(MarkdownParser.Links(node.Text).Select(link => new PageLink(link.Text, link.Target)));
                        break;
                    case null:
                        Problem(node, $"text before the first section: '{Shorten(node.Text)}'.");
                        break;
                    default:
                        if (SectionNames.Contains(section))
                        {
                            Problem(node, $"text under '## {section}' must follow a '### ' heading: '{Shorten(node.Text)}'.");
                        }

                        break; // an unknown section was reported at its heading

                }
            }

            return page;
        }

        private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "...";
    }
}
