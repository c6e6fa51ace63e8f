using Containers.HelpBuilder.Markdown;
using Containers.HelpBuilder.Metadata;
using Containers.HelpBuilder.Pages;

namespace Containers.HelpBuilder.Checks
{
    /// <summary>
    /// Compares the help pages with the compiled cmdlets, as PSScriptAnalyzer's parity tests compare rules with their
    /// documentation: a page per cmdlet and a cmdlet per page, every parameter described and none invented, at least two
    /// examples with code that use real parameters, the declared output types named, links that lead somewhere.
    /// </summary>
    public static class HelpParity
    {
        public const string ExternalHelpFile = "Containers.dll-Help.xml";
        public const string ModuleName = "Containers";
        public const string Schema = "2.0.0";

        /// <summary>The parameters every cmdlet has without declaring them, and their aliases.</summary>
        public static readonly IReadOnlyCollection<string> CommonParameterNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Verbose", "vb", "Debug", "db", "ErrorAction", "ea", "WarningAction", "wa", "InformationAction", "infa", "ProgressAction", "proga",
            "ErrorVariable", "ev", "WarningVariable", "wv", "InformationVariable", "iv", "OutVariable", "ov", "OutBuffer", "ob",
            "PipelineVariable", "pv",
        };

        /// <param name="documentFileNames">Every file name in docs/, for checking related links.</param>
        public static IReadOnlyList<HelpProblem> Check(IReadOnlyList<CmdletDefinition> cmdlets, IReadOnlyList<CommandPage> pages, IReadOnlyCollection<string> documentFileNames)
        {
            var problems = new List<HelpProblem>();
            var pagesByName = pages.ToDictionary(page => page.Name, StringComparer.Ordinal);
            var cmdletNames = new HashSet<string>(cmdlets.Select(c => c.Name), StringComparer.Ordinal);

            foreach (CmdletDefinition cmdlet in cmdlets.Where(c => !pagesByName.ContainsKey(c.Name)))
            {
                problems.Add(new HelpProblem(HelpProblemKind.MissingPage, cmdlet.Name, $"{cmdlet.Name} has no help page: add docs/{cmdlet.Name}.md."));
            }

            foreach (CommandPage page in pages.Where(p => !cmdletNames.Contains(p.Name)))
            {
                problems.Add(new HelpProblem(HelpProblemKind.PageWithoutCmdlet, page.Name, $"docs/{page.FileName} documents {page.Name}, which the module does not define."));
            }

            foreach (CmdletDefinition cmdlet in cmdlets)
            {
                if (pagesByName.TryGetValue(cmdlet.Name, out CommandPage? page))
                {
                    CheckShape(cmdlet, page, problems);
                    CheckParameters(cmdlet, page, problems);
                    CheckExamples(cmdlets, cmdlet, page, problems);
                    CheckOutputs(cmdlet, page, problems);
                    CheckLinks(page, documentFileNames, problems);
                }
            }

            return problems;
        }

        private static void CheckShape(CmdletDefinition cmdlet, CommandPage page, List<HelpProblem> problems)
        {
            void Add(string message) => problems.Add(new HelpProblem(HelpProblemKind.PageShape, cmdlet.Name, message));

            foreach (string problem in page.Problems)
            {
                Add(problem);
            }

            foreach ((string key, string expected) in new[] { ("external help file", ExternalHelpFile), ("Module Name", ModuleName), ("schema", Schema) })
            {
                string? value = page.FrontMatterValue(key);
                if (value != expected)
                {
                    Add($"{page.FileName}: the front matter's '{key}' is '{value ?? "(missing)"}', not '{expected}'.");
                }
            }

            if (page.Title != cmdlet.Name)
            {
                Add($"{page.FileName}: the title is '# {page.Title ?? "(missing)"}', not '# {cmdlet.Name}'.");
            }

            foreach (string section in CommandPageReader.SectionNames.Where(s => !page.Sections.Contains(s)))
            {
                Add($"{page.FileName} has no '## {section}' section.");
            }

            if (page.Sections.Contains("SYNOPSIS") && !HasText(page.Synopsis))
            {
                Add($"{page.FileName}: SYNOPSIS is empty.");
            }

            if (page.Sections.Contains("DESCRIPTION") && !HasText(page.Description))
            {
                Add($"{page.FileName}: DESCRIPTION is empty.");
            }

            if (page.Sections.Contains("PARAMETERS") && !page.HasCommonParameters)
            {
                Add($"{page.FileName}: PARAMETERS has no '### CommonParameters' section.");
            }

            if (page.Sections.Contains("INPUTS") && page.Inputs.Count == 0)
            {
                Add($"{page.FileName}: INPUTS names no type ('### Type.Name', or '### None').");
            }

            if (page.Sections.Contains("NOTES") && !HasText(page.Notes))
            {
                Add($"{page.FileName}: NOTES is empty.");
            }

            if (page.Sections.Contains("RELATED LINKS") && page.RelatedLinks.Count == 0)
            {
                Add($"{page.FileName}: RELATED LINKS has no links.");
            }
        }

        private static void CheckParameters(CmdletDefinition cmdlet, CommandPage page, List<HelpProblem> problems)
        {
            foreach (ParameterDefinition parameter in cmdlet.Parameters)
            {
                List<PageParameter> sections = page.Parameters.Where(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)).ToList();
                if (sections.Count == 0)
                {
                    problems.Add(new HelpProblem(HelpProblemKind.UndescribedParameter, cmdlet.Name,
                        $"{cmdlet.Name} -{parameter.Name} is not described: add a '### -{parameter.Name}' section to docs/{page.FileName}."));
                }
                else if (sections.Count > 1)
                {
                    problems.Add(new HelpProblem(HelpProblemKind.UndescribedParameter, cmdlet.Name,
                        $"{cmdlet.Name} -{parameter.Name} is described {sections.Count} times in docs/{page.FileName}."));
                }
                else if (!HasText(sections[0].Description))
                {
                    problems.Add(new HelpProblem(HelpProblemKind.UndescribedParameter, cmdlet.Name,
                        $"{cmdlet.Name} -{parameter.Name} has an empty description in docs/{page.FileName} (line {sections[0].Line})."));
                }
                else if (sections[0].Name != parameter.Name)
                {
                    problems.Add(new HelpProblem(HelpProblemKind.UndescribedParameter, cmdlet.Name,
                        $"{cmdlet.Name} -{parameter.Name} is headed '### -{sections[0].Name}' in docs/{page.FileName}; write it as the cmdlet spells it."));
                }
            }

            foreach (PageParameter described in page.Parameters.Where(p => !cmdlet.Parameters.Any(c => string.Equals(c.Name, p.Name, StringComparison.OrdinalIgnoreCase))))
            {
                string why = CommonParameterNames.Contains(described.Name) ? " (common parameters belong under '### CommonParameters')" : string.Empty;
                problems.Add(new HelpProblem(HelpProblemKind.UnknownParameter, cmdlet.Name,
                    $"docs/{page.FileName} describes -{described.Name} (line {described.Line}), which {cmdlet.Name} does not have{why}."));
            }
        }

        private static void CheckExamples(IReadOnlyList<CmdletDefinition> cmdlets, CmdletDefinition cmdlet, CommandPage page, List<HelpProblem> problems)
        {
            int withCode = page.Examples.Count(e => !string.IsNullOrWhiteSpace(e.Code));
            if (withCode < 2)
            {
                problems.Add(new HelpProblem(HelpProblemKind.MissingExample, cmdlet.Name,
                    $"{cmdlet.Name} has {withCode} example(s) with code in docs/{page.FileName}; it needs at least two."));
            }

            foreach (PageExample example in page.Examples.Where(e => string.IsNullOrWhiteSpace(e.Code)))
            {
                problems.Add(new HelpProblem(HelpProblemKind.MissingExample, cmdlet.Name,
                    $"docs/{page.FileName} line {example.Line}: '{example.Title}' has no ```powershell code block."));
            }

            foreach (PageExample example in page.Examples)
            {
                if (!example.Title.StartsWith("Example ", StringComparison.Ordinal) || example.Title.IndexOf(':') < 0)
                {
                    problems.Add(new HelpProblem(HelpProblemKind.PageShape, cmdlet.Name,
                        $"docs/{page.FileName} line {example.Line}: example headings read '### Example N: what it shows', not '### {example.Title}'."));
                }

                if (!HasText(example.Remarks))
                {
                    problems.Add(new HelpProblem(HelpProblemKind.MissingExample, cmdlet.Name,
                        $"docs/{page.FileName} line {example.Line}: '{example.Title}' does not explain its code."));
                }
            }

            var byName = cmdlets.ToDictionary(c => c.Name, StringComparer.Ordinal);
            foreach (PageExample example in page.Examples.Where(e => e.Code != null))
            {
                foreach (ExampleUsage usage in ExampleCommandScanner.Scan(example.Code!, byName.Keys))
                {
                    if (!byName.TryGetValue(usage.Command, out CmdletDefinition? used))
                    {
                        if (usage.Parameter == null)
                        {
                            problems.Add(new HelpProblem(HelpProblemKind.ExampleDrift, cmdlet.Name,
                                $"docs/{page.FileName}, '{example.Title}': the module has no cmdlet {usage.Command}."));
                        }

                        continue;
                    }

                    if (usage.Parameter != null && used.FindParameter(usage.Parameter) == null && !CommonParameterNames.Contains(usage.Parameter))
                    {
                        problems.Add(new HelpProblem(HelpProblemKind.ExampleDrift, cmdlet.Name,
                            $"docs/{page.FileName}, '{example.Title}': {used.Name} has no parameter -{usage.Parameter} (write parameters in full)."));
                    }
                }
            }
        }

        private static void CheckOutputs(CmdletDefinition cmdlet, CommandPage page, List<HelpProblem> problems)
        {
            var declared = new HashSet<string>(cmdlet.OutputTypes.Select(o => o.TypeName), StringComparer.Ordinal);
            foreach (string type in declared.Where(t => !page.Outputs.Any(o => o.TypeName == t)).OrderBy(t => t, StringComparer.Ordinal))
            {
                problems.Add(new HelpProblem(HelpProblemKind.OutputTypeMismatch, cmdlet.Name,
                    $"{cmdlet.Name} declares [OutputType({type})], but OUTPUTS in docs/{page.FileName} has no '### {type}'."));
            }

            foreach (PageTypeNote output in page.Outputs.Where(o => o.TypeName != "None" && !declared.Contains(o.TypeName)))
            {
                problems.Add(new HelpProblem(HelpProblemKind.OutputTypeMismatch, cmdlet.Name,
                    $"OUTPUTS in docs/{page.FileName} names {output.TypeName}, which {cmdlet.Name} does not declare with [OutputType]."));
            }
        }

        private static void CheckLinks(CommandPage page, IReadOnlyCollection<string> documentFileNames, List<HelpProblem> problems)
        {
            foreach (PageLink link in page.RelatedLinks.Where(l => !l.IsWebAddress && !documentFileNames.Contains(l.Target)))
            {
                problems.Add(new HelpProblem(HelpProblemKind.BrokenLink, page.Name, $"docs/{page.FileName}: the related link {link} leads to no page in docs/."));
            }
        }

        private static bool HasText(IEnumerable<MarkdownNode> nodes) => nodes.Any(n => !string.IsNullOrWhiteSpace(n.Text));
    }
}
