using System.Text.RegularExpressions;
using Xunit;

namespace Containers.Tests.Metadata
{
    /// <summary>Rules every cmdlet must keep, checked on the compiled assembly as Azure PowerShell's static analysis does.</summary>
    public class CmdletRulesTests : IClassFixture<CmdletMetadataFixture>
    {
        // Get-Verb in Windows PowerShell 5.1: a verb PowerShell 7 added (Build, Deploy) would warn on import there.
        private static readonly HashSet<string> ApprovedVerbs = new HashSet<string>(StringComparer.Ordinal)
        {
            "Add", "Clear", "Close", "Copy", "Enter", "Exit", "Find", "Format", "Get", "Hide", "Join", "Lock", "Move", "New", "Open",
            "Optimize", "Pop", "Push", "Redo", "Remove", "Rename", "Reset", "Resize", "Search", "Select", "Set", "Show", "Skip", "Split",
            "Step", "Switch", "Undo", "Unlock", "Watch", "Connect", "Disconnect", "Read", "Receive", "Send", "Write", "Backup",
            "Checkpoint", "Compare", "Compress", "Convert", "ConvertFrom", "ConvertTo", "Dismount", "Edit", "Expand", "Export", "Group",
            "Import", "Initialize", "Limit", "Merge", "Mount", "Out", "Publish", "Restore", "Save", "Sync", "Unpublish", "Update",
            "Debug", "Measure", "Ping", "Repair", "Resolve", "Test", "Trace", "Approve", "Assert", "Complete", "Confirm", "Deny",
            "Disable", "Enable", "Install", "Invoke", "Register", "Request", "Restart", "Resume", "Start", "Stop", "Submit", "Suspend",
            "Uninstall", "Unregister", "Wait", "Block", "Grant", "Protect", "Revoke", "Unblock", "Unprotect", "Use",
        };

        // Verbs that read, or change only the session: everything else changes state and must honour -WhatIf and -Confirm.
        private static readonly HashSet<string> ReadOnlyVerbs = new HashSet<string>(StringComparer.Ordinal)
        {
            "Get", "Test", "Find", "Search", "Select", "Show", "Measure", "Resolve", "Read", "Watch", "Wait", "Compare", "Format", "Out",
            "Connect", "Disconnect", "Enter",
        };

        private readonly CmdletMetadata _metadata;

        public CmdletRulesTests(CmdletMetadataFixture fixture)
        {
            _metadata = fixture.Metadata;
        }

        [Fact]
        public void The_assembly_has_cmdlets() => Assert.True(_metadata.Cmdlets.Count >= 18, string.Join(", ", _metadata.Cmdlets));

        [Fact]
        public void Every_verb_is_approved_in_Windows_PowerShell_5_1() =>
            Assert.Empty(_metadata.Cmdlets.Where(c => !ApprovedVerbs.Contains(c.Verb)).Select(c => c.Name));

        [Fact]
        public void Every_state_changing_cmdlet_supports_ShouldProcess() =>
            Assert.Empty(_metadata.Cmdlets.Where(c => !ReadOnlyVerbs.Contains(c.Verb) && !c.SupportsShouldProcess).Select(c => c.Name));

        [Fact]
        public void No_cmdlet_prompts_by_default() =>
            // ConfirmImpact High would prompt at the default $ConfirmPreference: scheduled jobs and runbooks would hang.
            Assert.Empty(SignatureRules.UndocumentedHighImpact(_metadata.Cmdlets));

        [Fact]
        public void Every_cmdlet_declares_its_output_type() =>
            Assert.Empty(_metadata.Cmdlets.Where(c => c.OutputTypes.Count == 0).Select(c => c.Name));

        [Fact]
        public void No_parameter_is_a_bool() =>
            Assert.Empty(_metadata.Cmdlets.SelectMany(c => c.Parameters.Where(p => IsBool(p.Property.PropertyType)).Select(p => c.Name + " -" + p.Name)));

        private static bool IsBool(Type type) =>
            type.FullName == "System.Boolean"
            || (type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1" && type.GetGenericArguments()[0].FullName == "System.Boolean");

        [Fact]
        public void No_parameter_or_alias_uses_a_common_parameter_name_or_alias()
        {
            // Every common parameter PowerShell 5.1 and 7 add (UseTransaction with SupportsTransactions, WhatIf and
            // Confirm with ShouldProcess, ProgressAction from 7.4), and their aliases.
            Assert.Subset(
                new HashSet<string>(SignatureRules.ReservedNames, StringComparer.OrdinalIgnoreCase),
                new HashSet<string>(StringComparer.OrdinalIgnoreCase)
                {
                    "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ErrorVariable", "WarningVariable",
                    "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm", "UseTransaction", "ProgressAction",
                    "vb", "db", "ea", "wa", "infa", "ev", "wv", "iv", "ov", "ob", "pv", "wi", "cf", "usetx", "proga",
                });
            Assert.Empty(SignatureRules.CommonParameterClashes(_metadata.Cmdlets));
        }

        [Fact]
        public void Every_parameter_set_takes_pipeline_input() =>
            Assert.Empty(_metadata.Cmdlets.SelectMany(c => c.ParameterSets
                .Where(set => !c.Parameters.Any(p => p.InSet(set) && (p.FromPipeline || p.FromPipelineByPropertyName)))
                .Select(set => c.Name + " (" + set + ")")));

        [Fact]
        public void Every_cmdlet_takes_Engine_from_the_pipeline_by_property_name() =>
            Assert.Empty(_metadata.Cmdlets.Where(c => !c.Parameters.Any(p => p.Name == "Engine" && p.FromPipelineByPropertyName)).Select(c => c.Name));

        [Fact]
        public void Positions_are_unique_within_each_parameter_set() =>
            Assert.Empty(_metadata.Cmdlets.SelectMany(c => c.ParameterSets.SelectMany(set => c.Parameters
                .Where(p => p.InSet(set) && p.Position.HasValue)
                .GroupBy(p => p.Position)
                .Where(g => g.Count() > 1)
                .Select(g => $"{c.Name} ({set}) position {g.Key}: {string.Join(", ", g.Select(p => p.Name))}"))));

        [Fact]
        public void The_default_parameter_set_exists() =>
            Assert.Empty(_metadata.Cmdlets.Where(c => c.DefaultParameterSet != null && !c.ParameterSets.Contains(c.DefaultParameterSet)).Select(c => c.Name));

        [Fact]
        public void The_manifest_exports_exactly_the_cmdlets_the_assembly_defines()
        {
            string manifest = File.ReadAllText(Path.Combine(CmdletMetadata.SettingOf("RepositoryRoot"), "Containers.psd1"));
            Match list = Regex.Match(manifest, @"CmdletsToExport\s*=\s*@\((?<names>[^)]*)\)");
            Assert.True(list.Success, "Containers.psd1 has a CmdletsToExport list");
            var exported = Regex.Matches(list.Groups["names"].Value, @"'([^']+)'").Select(m => m.Groups[1].Value).OrderBy(n => n, StringComparer.Ordinal);
            Assert.Equal(_metadata.Cmdlets.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal), exported);
        }

        [Fact]
        public void The_manifest_declares_both_editions_PowerShell_5_1_and_its_format_and_type_files()
        {
            string root = CmdletMetadata.SettingOf("RepositoryRoot");
            string manifest = File.ReadAllText(Path.Combine(root, "Containers.psd1"));
            Assert.Matches(@"CompatiblePSEditions\s*=\s*@\('Desktop',\s*'Core'\)", manifest);
            Assert.Matches(@"PowerShellVersion\s*=\s*'5\.1'", manifest);
            // The script module is the root (DSC finds class-based resources only there), the cmdlets' assembly nested in it.
            Assert.Matches(@"RootModule\s*=\s*'Containers\.psm1'", manifest);
            Assert.Matches(@"NestedModules\s*=\s*@\('Containers\.dll'\)", manifest);
            Assert.True(File.Exists(Path.Combine(root, "Containers.psm1")), "Containers.psm1 exists");
            foreach (Match file in Regex.Matches(manifest, @"'([\w.]+\.ps1xml)'"))
            {
                Assert.True(File.Exists(Path.Combine(root, file.Groups[1].Value)), file.Groups[1].Value + " exists");
            }
        }
    }

    /// <summary>One metadata load for the whole class.</summary>
    public sealed class CmdletMetadataFixture : IDisposable
    {
        public CmdletMetadata Metadata { get; } = new CmdletMetadata();

        public void Dispose() => Metadata.Dispose();
    }
}
