using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Module
{
    /// <summary>The module as Import-Module gives it to a session: what it exports, and that its cmdlets reach the engine.</summary>
    public sealed class ModuleImportTests
    {
        [Fact]
        public async Task Exports_exactly_the_cmdlets_the_manifest_lists()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult result = session.Run(@"
                $manifest = Import-PowerShellDataFile (Get-Module Containers).Path.Replace('.dll', '.psd1')
                $exported = (Get-Module Containers).ExportedCmdlets.Keys | Sort-Object
                Compare-Object $exported ($manifest.CmdletsToExport | Sort-Object) | ForEach-Object { ""$($_.SideIndicator) $($_.InputObject)"" }
                (Get-Module Containers).ExportedCmdlets.Count").AssertNoErrors();

            // Compare-Object writes a line per difference before the count.
            Assert.True(result.Output.Count == 1 && (int)result.Output[0].BaseObject > 50, result.Text);
        }

        [Fact]
        public async Task Reaches_the_private_engine_through_DOCKER_HOST()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult result = session.Run("Test-ContainerEngine; (Get-ContainerEngine).Source").AssertNoErrors();

            Assert.Equal(new object[] { true, "DOCKER_HOST" }, result.Output.Select(item => item.BaseObject).ToArray());
        }
    }
}
