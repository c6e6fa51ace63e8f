using Xunit;

namespace Containers.Tests.Views
{
    public class ViewScriptBlockTests : IClassFixture<ViewFixture>
    {
        private readonly ViewFixture _files;

        public ViewScriptBlockTests(ViewFixture files)
        {
            _files = files;
        }

        [Fact]
        public void Static_calls_name_public_types_and_members_every_supported_PowerShell_has()
        {
            Assert.Contains(_files.ScriptBlocks.SelectMany(ScriptText.StaticCalls), call => call.Type.StartsWith("Containers.", System.StringComparison.Ordinal));
            Assert.Empty(ViewRules.UnknownStaticCalls(_files.ScriptBlocks, _files.Module, _files.Api));
        }

        // A scan, not a parse: it finds the PowerShell 7 operators (??, ??=, ?., ?[], the ternary, && and ||) that
        // Windows PowerShell 5.1 cannot parse. That the script blocks parse at all is checked with PowerShell's real parser
        // in Containers.PowerShell.Tests/Views/ViewScriptParseTests (this project has no PowerShell to parse with).
        [Fact]
        public void Script_blocks_use_no_operator_Windows_PowerShell_5_1_lacks() =>
            Assert.Empty(ViewRules.PowerShell7Syntax(_files.ScriptBlocks));
    }
}
