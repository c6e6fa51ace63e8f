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
                $manifest = Import-PowerShellDataFile (Join-Path (Get-Module Containers).ModuleBase 'Containers.psd1')
                $exported = (Get-Module Containers).ExportedCmdlets.Keys | Sort-Object
                Compare-Object $exported ($manifest.CmdletsToExport | Sort-Object) | ForEach-Object { ""$($_.SideIndicator) $($_.InputObject)"" }
                (Get-Module Containers).ExportedCmdlets.Count").AssertNoErrors();

            // Compare-Object writes a line per difference before the count.
            Assert.True(result.Output.Count == 1 && (int)result.Output[0].BaseObject > 50, result.Text);
        }

        [Fact]
        public async Task The_root_is_the_script_module_and_the_nested_cmdlets_keep_their_module_and_help()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult result = session.Run(@"
                $module = Get-Module Containers
                $module.ModuleType.ToString(); [System.IO.Path]::GetFileName($module.Path)
                $module.NestedModules.Name
                (Get-Command Get-Container).Module.Name
                (Get-Help Get-Container).Synopsis").AssertNoErrors();

            Assert.Equal(
                new object[] { "Script", "Containers.psm1", "Containers", "Containers", "Gets containers as objects, as docker ps does." },
                result.Output.Select(item => item.BaseObject).ToArray());
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
