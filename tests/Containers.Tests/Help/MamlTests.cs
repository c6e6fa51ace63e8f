using System.Globalization;
using System.Reflection;
using System.Xml.Linq;
using Containers.HelpBuilder.Maml;
using Containers.Tests.Metadata;
using Xunit;

namespace Containers.Tests.Help
{
    /// <summary>
    /// The MAML Get-Help reads, checked against the cmdlets as the Metadata tests read them (their own reading of the
    /// attributes, not the builder's): one syntax item per parameter set with that set's parameters, and for each
    /// parameter whether it is required, its position, what it takes from the pipeline, its aliases and its type.
    /// </summary>
    public class MamlTests : IClassFixture<HelpFixture>, IClassFixture<CmdletMetadataFixture>
    {
        private static readonly XNamespace Msh = MamlWriter.MshNamespace;
        private static readonly XNamespace Maml = MamlWriter.MamlNamespace;
        private static readonly XNamespace Command = MamlWriter.CommandNamespace;
        private static readonly XNamespace Dev = MamlWriter.DevNamespace;

        private readonly HelpFixture _help;
        private readonly CmdletMetadata _metadata;

        public MamlTests(HelpFixture help, CmdletMetadataFixture metadata)
        {
            _help = help;
            _metadata = metadata.Metadata;
        }

        [Fact]
        public void The_MAML_is_a_helpItems_document_in_the_msh_namespace()
        {
            XElement root = _help.Maml.Root!;
            Assert.Equal(Msh + "helpItems", root.Name);
            Assert.Equal("maml", (string?)root.Attribute("schema"));
            Assert.All(root.Elements(), element => Assert.Equal(Command + "command", element.Name));
            Assert.All(root.Elements(), element =>
            {
                Assert.Equal(MamlWriter.MamlNamespace, element.GetNamespaceOfPrefix("maml")?.NamespaceName);
                Assert.Equal(MamlWriter.DevNamespace, element.GetNamespaceOfPrefix("dev")?.NamespaceName);
                Assert.Equal(MamlWriter.CommandNamespace, element.GetNamespaceOfPrefix("command")?.NamespaceName);
            });
        }

        [Fact]
        public void The_MAML_has_one_command_per_cmdlet_with_verb_noun_synopsis_and_description()
        {
            Assert.Equal(_metadata.Cmdlets.Select(c => c.Name), Commands().Select(NameOf));
            HelpAssert.None(
                _metadata.Cmdlets.SelectMany(cmdlet =>
                {
                    XElement details = CommandOf(cmdlet.Name).Element(Command + "details")!;
                    var problems = new List<string>();
                    if ((string?)details.Element(Command + "verb") != cmdlet.Verb || (string?)details.Element(Command + "noun") != cmdlet.Noun)
                    {
                        problems.Add($"{cmdlet.Name}: verb or noun differs");
                    }

                    if (!Paragraphs(details.Element(Maml + "description")).Any())
                    {
                        problems.Add($"{cmdlet.Name}: no synopsis");
                    }

                    if (!Paragraphs(CommandOf(cmdlet.Name).Element(Maml + "description")).Any())
                    {
                        problems.Add($"{cmdlet.Name}: no description");
                    }

                    return problems;
                }),
                "Commands with incomplete details");
        }

        [Fact]
        public void The_MAML_syntax_has_one_item_per_parameter_set_with_exactly_that_sets_parameters()
        {
            var problems = new List<string>();
            foreach (CmdletMetadata.CmdletInfo cmdlet in _metadata.Cmdlets)
            {
                List<XElement> items = CommandOf(cmdlet.Name).Element(Command + "syntax")!.Elements(Command + "syntaxItem").ToList();
                List<string> sets = cmdlet.ParameterSets.ToList();
                if (items.Count != sets.Count)
                {
                    problems.Add($"{cmdlet.Name}: {items.Count} syntax items for {sets.Count} parameter sets ({string.Join(", ", sets)})");
                    continue;
                }

                foreach (string set in sets)
                {
                    var expected = ExpectedParameters(cmdlet, set).Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();
                    bool isDefault = set == (cmdlet.DefaultParameterSet ?? sets[0]);
                    IEnumerable<XElement> candidates = isDefault ? items.Take(1) : items;
                    if (!candidates.Any(item => ParameterNames(item).SequenceEqual(expected)))
                    {
                        problems.Add($"{cmdlet.Name}: no syntax item{(isDefault ? " comes first and" : string.Empty)} lists the parameters of set {set}: {string.Join(", ", expected)}");
                    }
                }
            }

            HelpAssert.None(problems, "Syntax items that differ from the parameter sets");
        }

        [Fact]
        public void Every_syntax_parameter_has_the_sets_required_flag_position_pipeline_input_aliases_and_type()
        {
            var problems = new List<string>();
            foreach (CmdletMetadata.CmdletInfo cmdlet in _metadata.Cmdlets)
            {
                List<XElement> items = CommandOf(cmdlet.Name).Element(Command + "syntax")!.Elements(Command + "syntaxItem").ToList();
                foreach (string set in cmdlet.ParameterSets)
                {
                    List<ExpectedParameter> expected = ExpectedParameters(cmdlet, set);
                    var names = expected.Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();
                    XElement? item = items.FirstOrDefault(i => ParameterNames(i).SequenceEqual(names));
                    if (item == null)
                    {
                        continue; // reported by the syntax test
                    }

                    foreach (ExpectedParameter parameter in expected)
                    {
                        XElement element = item.Elements(Command + "parameter").Single(e => (string?)e.Element(Maml + "name") == parameter.Name);
                        problems.AddRange(Compare($"{cmdlet.Name} ({set}) -{parameter.Name}", element, parameter, inSyntax: true));
                    }
                }
            }

            HelpAssert.None(problems, "Syntax parameters that differ from the cmdlets");
        }

        [Fact]
        public void The_parameter_list_describes_every_parameter_once_with_its_facts()
        {
            var problems = new List<string>();
            foreach (CmdletMetadata.CmdletInfo cmdlet in _metadata.Cmdlets)
            {
                // A parameter in several sets: required only when mandatory in all, the position of the first set (default
                // set first, then by name) that gives one, pipeline input as any set takes it.
                var expected = cmdlet.ParameterSets
                    .OrderBy(set => set == cmdlet.DefaultParameterSet ? 0 : 1)
                    .ThenBy(set => set, StringComparer.Ordinal)
                    .SelectMany(set => ExpectedParameters(cmdlet, set))
                    .GroupBy(p => p.Name)
                    .ToDictionary(g => g.Key, g => g.First() with
                    {
                        Mandatory = g.All(p => p.Mandatory),
                        Position = g.Select(p => p.Position).FirstOrDefault(position => position.HasValue),
                        FromPipeline = g.Any(p => p.FromPipeline),
                        FromPipelineByPropertyName = g.Any(p => p.FromPipelineByPropertyName),
                    });
                List<XElement> listed = CommandOf(cmdlet.Name).Element(Command + "parameters")!.Elements(Command + "parameter").ToList();
                var listedNames = listed.Select(e => (string)e.Element(Maml + "name")!).OrderBy(n => n, StringComparer.Ordinal).ToList();
                if (!listedNames.SequenceEqual(expected.Keys.OrderBy(n => n, StringComparer.Ordinal)))
                {
                    problems.Add($"{cmdlet.Name}: lists {string.Join(", ", listedNames)}; has {string.Join(", ", expected.Keys.OrderBy(n => n, StringComparer.Ordinal))}");
                    continue;
                }

                foreach (XElement element in listed)
                {
                    ExpectedParameter parameter = expected[(string)element.Element(Maml + "name")!];
                    problems.AddRange(Compare($"{cmdlet.Name} -{parameter.Name}", element, parameter, inSyntax: false));
                    if (!Paragraphs(element.Element(Maml + "description")).Any())
                    {
                        problems.Add($"{cmdlet.Name} -{parameter.Name}: no description");
                    }
                }
            }

            HelpAssert.None(problems, "Listed parameters that differ from the cmdlets");
        }

        [Fact]
        public void Every_command_has_two_examples_with_code_and_its_declared_output_types()
        {
            var problems = new List<string>();
            foreach (CmdletMetadata.CmdletInfo cmdlet in _metadata.Cmdlets)
            {
                XElement command = CommandOf(cmdlet.Name);
                int examples = command.Element(Command + "examples")!.Elements(Command + "example")
                    .Count(e => !string.IsNullOrWhiteSpace((string?)e.Element(Dev + "code")) && !string.IsNullOrWhiteSpace((string?)e.Element(Maml + "title")));
                if (examples < 2)
                {
                    problems.Add($"{cmdlet.Name}: {examples} example(s) with a title and code");
                }

                var returned = command.Element(Command + "returnValues")!.Elements(Command + "returnValue")
                    .Select(r => (string?)r.Element(Dev + "type")?.Element(Maml + "name")).ToList();
                foreach (string declared in cmdlet.OutputTypes.SelectMany(a => a.ConstructorArguments).SelectMany(Flatten).OfType<Type>().Select(t => t.FullName!))
                {
                    if (!returned.Contains(declared))
                    {
                        problems.Add($"{cmdlet.Name}: returnValues lacks {declared}");
                    }
                }
            }

            HelpAssert.None(problems, "Commands without examples or output types");
        }

        private IEnumerable<XElement> Commands() => _help.Maml.Root!.Elements(Command + "command");

        private XElement CommandOf(string name) =>
            Commands().SingleOrDefault(c => NameOf(c) == name) ?? throw new Xunit.Sdk.XunitException($"The MAML has no command {name}.");

        private static string NameOf(XElement command) => (string)command.Element(Command + "details")!.Element(Command + "name")!;

        private static List<string> ParameterNames(XElement syntaxItem) =>
            syntaxItem.Elements(Command + "parameter").Select(e => (string)e.Element(Maml + "name")!).OrderBy(n => n, StringComparer.Ordinal).ToList();

        private static IEnumerable<string> Paragraphs(XElement? description) =>
            description?.Elements(Maml + "para").Select(p => p.Value).Where(text => text.Trim().Length > 0) ?? Enumerable.Empty<string>();

        private static IEnumerable<string> Compare(string where, XElement element, ExpectedParameter expected, bool inSyntax)
        {
            string pipeline = (expected.FromPipeline, expected.FromPipelineByPropertyName) switch
            {
                (true, true) => "True (ByValue, ByPropertyName)",
                (true, false) => "True (ByValue)",
                (false, true) => "True (ByPropertyName)",
                _ => "False",
            };
            var checks = new (string Fact, string? Actual, string Expected)[]
            {
                ("required", (string?)element.Attribute("required"), expected.Mandatory ? "true" : "false"),
                ("position", (string?)element.Attribute("position"), expected.Position?.ToString(CultureInfo.InvariantCulture) ?? "named"),
                ("pipelineInput", (string?)element.Attribute("pipelineInput"), pipeline),
                ("globbing", (string?)element.Attribute("globbing"), expected.SupportsWildcards ? "true" : "false"),
                ("aliases", (string?)element.Attribute("aliases"), expected.Aliases.Length == 0 ? "none" : string.Join(", ", expected.Aliases)),
                ("dev:type", (string?)element.Element(Dev + "type")?.Element(Maml + "name"), expected.TypeFullName),
            };
            foreach ((string fact, string? actual, string wanted) in checks)
            {
                if (actual != wanted)
                {
                    yield return $"{where}: {fact} is '{actual}', the cmdlet says '{wanted}'";
                }
            }

            // A switch takes no value, so syntax shows none for it; everything else shows its type.
            string? value = (string?)element.Element(Command + "parameterValue");
            string? wantedValue = inSyntax && expected.IsSwitch ? null : expected.TypeName;
            if (value != wantedValue)
            {
                yield return $"{where}: parameterValue is '{value}', expected '{wantedValue}'";
            }
        }

        /// <summary>What the attributes say about the parameters of one set, -WhatIf and -Confirm included.</summary>
        private static List<ExpectedParameter> ExpectedParameters(CmdletMetadata.CmdletInfo cmdlet, string set)
        {
            var parameters = cmdlet.Parameters
                .Where(p => p.Set == set)
                .Concat(cmdlet.Parameters.Where(p => p.Set == CmdletMetadata.AllSets))
                .GroupBy(p => p.Name)
                .Select(g => g.First())
                .Select(p => new ExpectedParameter(
                    p.Name,
                    p.Mandatory,
                    p.Position,
                    p.FromPipeline,
                    p.FromPipelineByPropertyName,
                    CmdletMetadata.Attribute(p.Property, "SupportsWildcardsAttribute") != null,
                    AliasesOf(p.Property),
                    ShortName(p.Property.PropertyType),
                    FullName(p.Property.PropertyType),
                    p.Property.PropertyType.FullName == "System.Management.Automation.SwitchParameter"))
                .ToList();
            if (cmdlet.SupportsShouldProcess)
            {
                parameters.Add(new ExpectedParameter("WhatIf", false, null, false, false, false, new[] { "wi" }, "SwitchParameter", "System.Management.Automation.SwitchParameter", true));
                parameters.Add(new ExpectedParameter("Confirm", false, null, false, false, false, new[] { "cf" }, "SwitchParameter", "System.Management.Automation.SwitchParameter", true));
            }

            return parameters;
        }

        private static string[] AliasesOf(PropertyInfo property)
        {
            CustomAttributeData? alias = CmdletMetadata.Attribute(property, "AliasAttribute");
            return alias == null ? Array.Empty<string>() : alias.ConstructorArguments.SelectMany(Flatten).OfType<string>().ToArray();
        }

        private static IEnumerable<object?> Flatten(CustomAttributeTypedArgument argument) =>
            argument.Value is IEnumerable<CustomAttributeTypedArgument> items ? items.Select(i => i.Value) : new[] { argument.Value };

        // PowerShell shows int? as Int32, and arrays by their element's name.
        private static Type Unwrapped(Type type) =>
            type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1" ? type.GetGenericArguments()[0] : type;

        private static string ShortName(Type type) =>
            Unwrapped(type).IsArray ? ShortName(Unwrapped(type).GetElementType()!) + "[]" : Unwrapped(type).Name;

        private static string FullName(Type type) =>
            Unwrapped(type).IsArray ? FullName(Unwrapped(type).GetElementType()!) + "[]" : Unwrapped(type).FullName!;

        private sealed record ExpectedParameter(
            string Name,
            bool Mandatory,
            int? Position,
            bool FromPipeline,
            bool FromPipelineByPropertyName,
            bool SupportsWildcards,
            string[] Aliases,
            string TypeName,
            string TypeFullName,
            bool IsSwitch);
    }
}
