using System.Reflection;
using Xunit;

namespace Containers.Tests.Metadata
{
    /// <summary>
    /// Containers.dll uses only what both Windows PowerShell 5.1 and PowerShell 7 have: PowerShellStandard.Library is
    /// that intersection, so every System.Management.Automation type and member the assembly names must be in it, from
    /// the same assembly version, and nothing PowerShell-ish may come from anywhere else.
    /// </summary>
    public class PowerShellStandardReferenceTests : IClassFixture<CmdletMetadataFixture>
    {
        private readonly CmdletMetadata _metadata;
        private readonly AutomationReferences _module = AutomationReferences.Read(Path.Combine(AppContext.BaseDirectory, "Containers.dll"));

        public PowerShellStandardReferenceTests(CmdletMetadataFixture fixture)
        {
            _metadata = fixture.Metadata;
        }

        [Fact]
        public void Every_System_Management_Automation_type_referenced_is_in_PowerShellStandard_Library()
        {
            Assert.Contains("System.Management.Automation.PSCmdlet", _module.Types);
            Assert.Contains("System.Management.Automation.CmdletAttribute", _module.Types);
            Assert.DoesNotContain(_module.Types, name => _metadata.PowerShellStandard.GetType(name) == null);
        }

        [Fact]
        public void Every_member_referenced_on_those_types_is_in_PowerShellStandard_Library()
        {
            Assert.Contains(_module.Members, m => m.Member == "WriteObject");
            Assert.Empty(_module.Members
                .Where(m => !_metadata.PowerShellStandard.GetType(m.Type)!
                    .GetMember(m.Member, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.FlattenHierarchy).Any())
                .Select(m => m.Type + "::" + m.Member));
        }

        [Fact]
        public void System_Management_Automation_is_PowerShellStandard_Librarys_version_and_no_other_PowerShell_assembly_is_referenced()
        {
            Version standard = _metadata.PowerShellStandard.GetName().Version!;
            Assert.Equal(standard, Assert.Single(_module.AssemblyReferences, r => r.Name == AutomationReferences.AutomationAssembly).Version);
            Assert.DoesNotContain(_module.AssemblyReferences, r => r.Name.StartsWith("Microsoft.PowerShell", StringComparison.OrdinalIgnoreCase) || r.Name.StartsWith("Microsoft.Management.Infrastructure", StringComparison.OrdinalIgnoreCase));
            Assert.Empty(_module.ForeignAutomationTypes);
        }

        [Theory]
        [InlineData("Containers.Core")]
        [InlineData("Containers.Provisioning")]
        [InlineData("Containers.Engine")]
        public void The_libraries_do_not_reference_PowerShell_at_all(string library)
        {
            AutomationReferences references = AutomationReferences.Read(Path.Combine(AppContext.BaseDirectory, library + ".dll"));
            Assert.DoesNotContain(references.AssemblyReferences, r => r.Name == AutomationReferences.AutomationAssembly);
            Assert.Empty(references.Types);
        }
    }
}
