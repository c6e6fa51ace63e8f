using System.Linq;
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

        [Fact]
        public void Script_blocks_parse_in_Windows_PowerShell_5_1() =>
            Assert.Empty(ViewRules.PowerShell7Syntax(_files.ScriptBlocks));
    }
}
