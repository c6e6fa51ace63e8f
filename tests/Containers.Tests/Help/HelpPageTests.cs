using Containers.HelpBuilder.Checks;
using Xunit;

namespace Containers.Tests.Help
{
    /// <summary>docs/*.md against the cmdlets: every cmdlet documented, every parameter described, examples that work.</summary>
    public class HelpPageTests : IClassFixture<HelpFixture>
    {
        private readonly HelpFixture _help;

        public HelpPageTests(HelpFixture help)
        {
            _help = help;
        }

        [Fact]
        public void Every_exported_cmdlet_has_a_page() =>
            HelpAssert.None(
                _help.ExportedCmdlets.Where(name => !_help.Build.Pages.Any(p => p.Name == name)).Select(name => $"{name}: add docs/{name}.md"),
                "Exported cmdlets without a help page");

        [Fact]
        public void Every_page_documents_an_exported_cmdlet() =>
            HelpAssert.None(
                _help.Build.Pages.Where(p => !_help.ExportedCmdlets.Contains(p.Name)).Select(p => $"docs/{p.FileName}: {p.Name} is not in CmdletsToExport"),
                "Help pages without an exported cmdlet");

        [Fact]
        public void Every_cmdlet_of_the_assembly_has_a_page_and_every_page_a_cmdlet() =>
            HelpAssert.None(Problems(HelpProblemKind.MissingPage, HelpProblemKind.PageWithoutCmdlet), "Pages and cmdlets that do not match");

        [Fact]
        public void Every_parameter_of_every_parameter_set_is_described() =>
            HelpAssert.None(Problems(HelpProblemKind.UndescribedParameter), "Parameters without a description");

        [Fact]
        public void No_page_describes_a_parameter_its_cmdlet_lacks() =>
            HelpAssert.None(Problems(HelpProblemKind.UnknownParameter), "Described parameters the cmdlets do not have");

        [Fact]
        public void Every_cmdlet_has_at_least_two_explained_examples_with_code() =>
            HelpAssert.None(Problems(HelpProblemKind.MissingExample), "Missing or incomplete examples");

        [Fact]
        public void Examples_use_only_cmdlets_and_parameters_that_exist() =>
            HelpAssert.None(Problems(HelpProblemKind.ExampleDrift), "Examples that do not match the cmdlets");

        [Fact]
        public void Every_page_has_platyPS_front_matter_title_and_sections() =>
            HelpAssert.None(Problems(HelpProblemKind.PageShape), "Pages that do not follow platyPS's shape");

        [Fact]
        public void Every_page_names_the_output_types_its_cmdlet_declares() =>
            HelpAssert.None(Problems(HelpProblemKind.OutputTypeMismatch), "OUTPUTS that differ from [OutputType]");

        [Fact]
        public void Related_links_lead_to_existing_pages() =>
            HelpAssert.None(Problems(HelpProblemKind.BrokenLink), "Broken related links");

        [Fact]
        public void Every_problem_the_builder_reports_is_covered_by_a_test_above()
        {
            // Guards the tests themselves: a new kind of problem must get a test, or it would only fail the builder.
            HelpProblemKind[] covered =
            {
                HelpProblemKind.MissingPage, HelpProblemKind.PageWithoutCmdlet, HelpProblemKind.UndescribedParameter, HelpProblemKind.UnknownParameter,
                HelpProblemKind.MissingExample, HelpProblemKind.ExampleDrift, HelpProblemKind.PageShape, HelpProblemKind.OutputTypeMismatch,
                HelpProblemKind.BrokenLink,
            };
            Assert.Equal(Enum.GetValues<HelpProblemKind>().OrderBy(k => k), covered.OrderBy(k => k));
        }

        private System.Collections.Generic.IEnumerable<HelpProblem> Problems(params HelpProblemKind[] kinds) =>
            _help.Build.Problems.Where(p => kinds.Contains(p.Kind));
    }
}
