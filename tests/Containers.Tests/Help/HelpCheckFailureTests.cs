using Containers.HelpBuilder.Checks;
using Xunit;

namespace Containers.Tests.Help
{
    /// <summary>
    /// The checks HelpPageTests runs over docs/ do fail: each case feeds the same build a real page broken in one way
    /// (docs/Get-Container.md with a link, a section, a description or an example spoiled) and requires the problem to be
    /// reported, of its kind, naming the page; the unbroken page reports nothing.
    /// </summary>
    public class HelpCheckFailureTests : IClassFixture<HelpFixture>
    {
        private const string Page = "Get-Container.md";

        private readonly HelpFixture _help;

        public HelpCheckFailureTests(HelpFixture help)
        {
            _help = help;
        }

        private string Original => _help.Docs[Page];

        /// <summary>The page with <paramref name="part"/> replaced (it must be there: a changed page must not make the case vacuous).</summary>
        private string Broken(string part, string replacement)
        {
            Assert.Contains(part, Original, StringComparison.Ordinal);
            return Original.Replace(part, replacement, StringComparison.Ordinal);
        }

        private IReadOnlyList<HelpProblem> Reported(HelpProblemKind kind, string text) =>
            _help.ProblemsWith(Page, text).Where(p => p.Kind == kind && p.Cmdlet == "Get-Container").ToList();

        [Fact]
        public void The_unbroken_page_reports_nothing() =>
            Assert.DoesNotContain(_help.ProblemsWith(Page, Original), p => p.Cmdlet == "Get-Container");

        [Fact]
        public void A_related_link_to_a_page_that_does_not_exist_is_reported()
        {
            HelpProblem problem = Assert.Single(Reported(HelpProblemKind.BrokenLink, Broken("[New-Container](New-Container.md)", "[New-Containr](New-Containr.md)")));
            Assert.Contains("New-Containr.md", problem.Message, StringComparison.Ordinal);
            Assert.Contains("docs/" + Page, problem.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_missing_section_is_reported_as_the_page_shape() =>
            Assert.NotEmpty(Reported(HelpProblemKind.PageShape, Broken("## OUTPUTS\n", "## OUTPUT\n")));

        [Fact]
        public void Wrong_front_matter_is_reported() =>
            Assert.Contains(Reported(HelpProblemKind.PageShape, Broken("Module Name: Containers", "Module Name: Container")), p => p.Message.Contains("Module Name", StringComparison.Ordinal));

        [Fact]
        public void A_parameter_without_its_description_is_reported()
        {
            string text = Broken("### -All\nInclude stopped containers, as `docker ps -a` does. Naming containers with -Name or -Id includes them anyway.\n", string.Empty);
            Assert.Contains(Reported(HelpProblemKind.UndescribedParameter, text), p => p.Message.Contains("All", StringComparison.Ordinal));
        }

        [Fact]
        public void A_described_parameter_the_cmdlet_lacks_is_reported() =>
            Assert.Contains(
                Reported(HelpProblemKind.UnknownParameter, Broken("### -All\n", "### -Colour\nNot a parameter.\n\n### -All\n")),
                p => p.Message.Contains("Colour", StringComparison.Ordinal));

        [Fact]
        public void An_example_with_a_parameter_that_does_not_exist_is_reported() =>
            Assert.Contains(
                Reported(HelpProblemKind.ExampleDrift, Broken("Get-Container -All -Filter @{", "Get-Container -Everything -Filter @{")),
                p => p.Message.Contains("Everything", StringComparison.Ordinal));

        [Fact]
        public void Too_few_examples_are_reported()
        {
            int from = Original.IndexOf("### Example 2:", StringComparison.Ordinal);
            int to = Original.IndexOf("## PARAMETERS", StringComparison.Ordinal);
            Assert.True(from > 0 && to > from);
            Assert.NotEmpty(Reported(HelpProblemKind.MissingExample, Original.Remove(from, to - from)));
        }

        [Fact]
        public void An_output_type_the_cmdlet_does_not_declare_is_reported() =>
            Assert.NotEmpty(Reported(HelpProblemKind.OutputTypeMismatch, Broken("## OUTPUTS\n\n### Containers.Models.Container\n", "## OUTPUTS\n\n### Containers.Models.Image\n")));

        [Fact]
        public void A_page_without_its_cmdlet_and_a_cmdlet_without_its_page_are_reported()
        {
            IReadOnlyList<HelpProblem> problems = _help.ProblemsWith("Get-Nothing.md", Original.Replace("# Get-Container", "# Get-Nothing", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.Kind == HelpProblemKind.PageWithoutCmdlet && p.Message.Contains("Get-Nothing", StringComparison.Ordinal));

            var docs = _help.Docs.Where(p => p.Key != Page).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            Assert.Contains(Containers.HelpBuilder.HelpBuild.Run(_help.Cmdlets, docs).Problems, p => p.Kind == HelpProblemKind.MissingPage && p.Cmdlet == "Get-Container");
        }
    }
}
