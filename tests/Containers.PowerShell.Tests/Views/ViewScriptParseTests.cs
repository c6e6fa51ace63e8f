using System.Management.Automation.Language;
using System.Xml;
using System.Xml.Linq;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Views
{
    /// <summary>
    /// Every script block of the module's Containers.format.ps1xml and Containers.types.ps1xml goes through PowerShell's
    /// own parser (7.6, the SDK's) and must parse without errors. That parser accepts PowerShell 7 syntax (??, ?., the
    /// ternary) that Windows PowerShell 5.1 rejects, so what 5.1 would refuse is checked apart, by the operator scan of
    /// Containers.Tests/Views/ViewScriptBlockTests; the last case here shows why that scan is still needed.
    /// </summary>
    public sealed class ViewScriptParseTests
    {
        private static readonly string[] ScriptElements = { "ScriptBlock", "GetScriptBlock", "SetScriptBlock" };

        /// <summary>(file, line, script) of every script block in the module's format and type files.</summary>
        public static IEnumerable<object[]> ScriptBlocks()
        {
            ModuleFolder.RequireBuilt();
            foreach (string file in new[] { "Containers.format.ps1xml", "Containers.types.ps1xml" })
            {
                XDocument document = XDocument.Load(Path.Combine(ModuleFolder.Path, file), LoadOptions.SetLineInfo);
                foreach (XElement element in document.Descendants().Where(e => ScriptElements.Contains(e.Name.LocalName)))
                {
                    yield return new object[] { file, ((IXmlLineInfo)element).LineNumber, element.Value };
                }
            }
        }

        private static ParseError[] Parse(string script)
        {
            Parser.ParseInput(script, out _, out ParseError[] errors);
            return errors;
        }

        [Fact]
        public void The_files_have_script_blocks_to_parse() =>
            Assert.True(ScriptBlocks().Count() >= 10, "Fewer script blocks than the views have: is the module laid out?");

        [Theory]
        [MemberData(nameof(ScriptBlocks))]
        public void Script_block_parses_without_errors_in_PowerShell(string file, int line, string script)
        {
            ParseError[] errors = Parse(script);
            Assert.True(errors.Length == 0, $"{file}:{line}: {string.Join("; ", errors.Select(e => $"{e.ErrorId} at {e.Extent.StartLineNumber}:{e.Extent.StartColumnNumber}: {e.Message}"))}\n{script.Trim()}");
        }

        [Theory]
        [InlineData("$_.Name +")]
        [InlineData("if ($_.Ports) { $_.Ports -join ', '")]
        [InlineData("'{0:N1} MB' -f ($_.Size / 1MB")]
        public void A_broken_script_block_is_reported(string script) =>
            Assert.NotEmpty(Parse(script));

        [Theory]
        [InlineData("$_.Name ?? '<none>'")]
        [InlineData("$_.State?.Status")]
        [InlineData("$_.Running ? 'up' : 'down'")]
        public void PowerShell_7s_parser_accepts_what_Windows_PowerShell_5_1_rejects_so_the_operator_scan_stays(string script) =>
            Assert.Empty(Parse(script));
    }
}
