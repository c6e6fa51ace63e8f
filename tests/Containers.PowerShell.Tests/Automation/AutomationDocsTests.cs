using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Automation
{
    /// <summary>
    /// docs/about_Containers_Automation.md shows the example scripts whole, and the tests run the files: the page must
    /// show each file as it is, and the topic must reach users through Get-Help from the module folder.
    /// </summary>
    public sealed class AutomationDocsTests
    {
        private static readonly string Page = RepositoryFiles.Path("docs/about_Containers_Automation.md");

        [Theory]
        [InlineData("docs/examples/Runbook-RemoteEngine.ps1")]
        [InlineData("docs/examples/Nightly-Cleanup.ps1")]
        public void The_page_shows_the_example_file_as_the_tests_run_it(string example)
        {
            string script = File.ReadAllText(RepositoryFiles.Path(example)).ReplaceLineEndings("\n").TrimEnd('\n');
            string page = File.ReadAllText(Page).ReplaceLineEndings("\n");
            Assert.True(
                page.Contains("```powershell\n" + script + "\n```\n", StringComparison.Ordinal),
                $"{example} differs from its copy in docs/about_Containers_Automation.md: paste the file into the page again.");
        }

        [Fact]
        public async Task Get_Help_finds_the_topic_in_the_module_folder()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult help = session.Run("Get-Help about_Containers_Automation | Out-String -Width 80").AssertNoErrors();
            string text = (string)Assert.Single(help.Output).BaseObject;
            Assert.Contains("Nightly-Cleanup.ps1", text, StringComparison.Ordinal);
            Assert.Contains("Get-AutomationCertificate", text, StringComparison.Ordinal);
        }
    }
}
