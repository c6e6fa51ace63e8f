using System.Text.RegularExpressions;
using Containers.HelpBuilder.Checks;
using Containers.HelpBuilder.Metadata;
using Containers.HelpBuilder.Pages;
using Xunit;

namespace Containers.Tests.Help
{
    /// <summary>
    /// The checks fail for real: a real page, spoiled on purpose, must produce a problem that names the cmdlet and what
    /// is missing, so a missing section in docs/ cannot pass unnoticed.
    /// </summary>
    public class HelpParityTests : IClassFixture<HelpFixture>
    {
        private readonly HelpFixture _help;

        public HelpParityTests(HelpFixture help)
        {
            _help = help;
        }

        [Fact]
        public void A_deleted_parameter_section_is_reported_with_the_cmdlet_and_the_parameter()
        {
            IReadOnlyList<HelpProblem> problems = Check("Stop-Container", page => Regex.Replace(page, @"### -Timeout\n.*?(?=\n### )", string.Empty, RegexOptions.Singleline));
            HelpProblem problem = Assert.Single(problems);
            Assert.Equal(HelpProblemKind.UndescribedParameter, problem.Kind);
            Assert.Contains("Stop-Container -Timeout is not described", problem.Message, System.StringComparison.Ordinal);
            Assert.Contains("docs/Stop-Container.md", problem.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void A_missing_WhatIf_section_is_reported_for_a_cmdlet_that_supports_ShouldProcess()
        {
            IReadOnlyList<HelpProblem> problems = Check("Remove-Container", page => Regex.Replace(page, @"### -WhatIf\n.*?(?=\n### )", string.Empty, RegexOptions.Singleline));
            Assert.Contains(problems, p => p.Kind == HelpProblemKind.UndescribedParameter && p.Message.Contains("Remove-Container -WhatIf", System.StringComparison.Ordinal));
        }

        [Fact]
        public void A_described_parameter_the_cmdlet_lacks_is_reported()
        {
            IReadOnlyList<HelpProblem> problems = Check("Get-Container", page => page.Replace("### -All\n", "### -Everything\nNot a parameter.\n\n### -All\n"));
            HelpProblem problem = Assert.Single(problems);
            Assert.Equal(HelpProblemKind.UnknownParameter, problem.Kind);
            Assert.Contains("-Everything", problem.Message, System.StringComparison.Ordinal);
            Assert.Contains("Get-Container does not have", problem.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void An_example_with_a_parameter_the_cmdlet_lacks_is_reported()
        {
            IReadOnlyList<HelpProblem> problems = Check("Stop-Container", page => page.Replace("Stop-Container -Name db -Timeout 60", "Stop-Container -Name db -Grace 60"));
            HelpProblem problem = Assert.Single(problems);
            Assert.Equal(HelpProblemKind.ExampleDrift, problem.Kind);
            Assert.Contains("Stop-Container has no parameter -Grace", problem.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void A_page_with_one_example_is_reported()
        {
            IReadOnlyList<HelpProblem> problems = Check("Rename-Container", page => Regex.Replace(page, @"### Example 2:.*?(?=\n## PARAMETERS)", string.Empty, RegexOptions.Singleline));
            Assert.Contains(problems, p => p.Kind == HelpProblemKind.MissingExample && p.Message.Contains("Rename-Container has 1 example", System.StringComparison.Ordinal));
        }

        [Fact]
        public void An_undeclared_output_type_and_a_missing_declared_one_are_reported()
        {
            IReadOnlyList<HelpProblem> problems = Check("Wait-Container", page => page.Replace("### Containers.Models.ContainerWaitResult", "### System.Int64"));
            Assert.Equal(2, problems.Count(p => p.Kind == HelpProblemKind.OutputTypeMismatch));
        }

        [Fact]
        public void A_page_without_a_cmdlet_and_a_cmdlet_without_a_page_are_reported()
        {
            CommandPage stray = CommandPageReader.Read("Get-Thing.md", File.ReadAllText(PagePath("Get-Container")).Replace("# Get-Container", "# Get-Thing"));
            CmdletDefinition cmdlet = _help.Cmdlets.Single(c => c.Name == "Get-Container");
            IReadOnlyList<HelpProblem> problems = HelpParity.Check(new[] { cmdlet }, new[] { stray }, new[] { "Get-Thing.md" });
            Assert.Contains(problems, p => p.Kind == HelpProblemKind.MissingPage && p.Message.Contains("Get-Container has no help page", System.StringComparison.Ordinal));
            Assert.Contains(problems, p => p.Kind == HelpProblemKind.PageWithoutCmdlet && p.Message.Contains("Get-Thing", System.StringComparison.Ordinal));
        }

        /// <summary>The problems of one real page after <paramref name="spoil"/> has changed it.</summary>
        private IReadOnlyList<HelpProblem> Check(string cmdletName, System.Func<string, string> spoil)
        {
            string original = File.ReadAllText(PagePath(cmdletName)).Replace("\r\n", "\n");
            string spoiled = spoil(original);
            Assert.NotEqual(original, spoiled); // the page changed as the test meant it to
            CmdletDefinition cmdlet = _help.Cmdlets.Single(c => c.Name == cmdletName);
            string[] documents = Directory.GetFiles(Path.GetDirectoryName(PagePath(cmdletName))!, "*.md").Select(Path.GetFileName).OfType<string>().ToArray();
            return HelpParity.Check(_help.Cmdlets, new[] { CommandPageReader.Read(cmdletName + ".md", spoiled) }, documents)
                .Where(p => p.Cmdlet == cmdletName)
                .ToList();
        }

        private string PagePath(string cmdletName) => Path.Combine(_help.RepositoryRoot, "docs", cmdletName + ".md");
    }
}
