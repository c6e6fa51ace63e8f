using Xunit;

namespace Containers.Tests.Metadata
{
    /// <summary>
    /// The signature rules fail for real: run on the deliberately wrong sample cmdlets in Metadata/Samples (compiled
    /// into this test assembly against PowerShellStandard.Library, like the module), each names what is wrong, and the
    /// one well-behaved sample passes them all.
    /// </summary>
    public class SignatureRulesCatchBreakageTests : IClassFixture<CmdletMetadataFixture>
    {
        private const string SampleNamespace = "Containers.Tests.Metadata.Samples";

        private readonly IReadOnlyList<CmdletMetadata.CmdletInfo> _samples;

        public SignatureRulesCatchBreakageTests(CmdletMetadataFixture fixture)
        {
            _samples = fixture.Metadata.LoadFromTestDirectory("Containers.Tests").GetExportedTypes()
                .Where(type => type.Namespace == SampleNamespace && CmdletMetadata.Attribute(type, "CmdletAttribute") != null)
                .Select(type => new CmdletMetadata.CmdletInfo(type))
                .ToList();
        }

        private static string TestAssemblyPath => Path.Combine(AppContext.BaseDirectory, "Containers.Tests.dll");

        private IEnumerable<string> AllProblems() =>
            SignatureRules.HighImpactWithoutForce(_samples)
                .Concat(SignatureRules.UndocumentedHighImpact(_samples))
                .Concat(SignatureRules.PromptsWithoutForce(_samples, MethodCalls.CallersOf(TestAssemblyPath, "ShouldContinue")))
                .Concat(SignatureRules.DestructiveBelowMedium(_samples))
                .Concat(SignatureRules.PruneWithoutForce(_samples))
                .Concat(SignatureRules.CredentialProblems(_samples))
                .Concat(SignatureRules.CommonParameterClashes(_samples));

        [Fact]
        public void High_impact_without_Force_is_named() =>
            Assert.Equal(new[] { "Remove-SampleWidget has ConfirmImpact High and no -Force switch" }, SignatureRules.HighImpactWithoutForce(_samples));

        [Fact]
        public void Undocumented_high_impact_is_named() =>
            Assert.Equal(new[] { "Remove-SampleWidget" }, SignatureRules.UndocumentedHighImpact(_samples).Select(p => p.Split(' ')[0]));

        [Fact]
        public void ShouldContinue_without_Force_is_named_even_from_a_lambda_and_with_Force_it_is_not()
        {
            ISet<string> callers = MethodCalls.CallersOf(TestAssemblyPath, "ShouldContinue");
            Assert.Contains(SampleNamespace + ".WellBehavedSample", callers);
            Assert.Contains(SampleNamespace + ".PromptWithoutForceSample", callers);

            Assert.Equal(new[] { "Set-SampleSetting calls ShouldContinue and has no -Force switch to skip it" }, SignatureRules.PromptsWithoutForce(_samples, callers));
        }

        [Fact]
        public void Removal_and_pruning_below_Medium_are_named() =>
            Assert.Equal(
                new[] { "Invoke-SamplePrune", "Remove-SampleGadget" },
                SignatureRules.DestructiveBelowMedium(_samples).Select(p => p.Split(' ')[0]).OrderBy(n => n, StringComparer.Ordinal));

        [Fact]
        public void A_prune_without_Force_in_its_parameter_set_is_named() =>
            Assert.Equal(
                new[]
                {
                    "Invoke-SamplePrune prunes in parameter set __AllParameterSets and has no -Force there to skip its question",
                    "Remove-SampleCache prunes in parameter set Unused and has no -Force there to skip its question",
                },
                SignatureRules.PruneWithoutForce(_samples).OrderBy(p => p, StringComparer.Ordinal));

        [Fact]
        public void String_SecureString_unattributed_and_aliased_credentials_are_named()
        {
            string[] problems = SignatureRules.CredentialProblems(_samples).OrderBy(p => p, StringComparer.Ordinal).ToArray();

            Assert.Equal(
                new[]
                {
                    "Connect-SampleRegistry -Account is a PSCredential without [Credential]",
                    "Connect-SampleRegistry -Credential is String; credentials are PSCredential",
                    "Connect-SampleRegistry -ProxyLogin is String; credentials are PSCredential",
                    "Connect-SampleRegistry -RegistryCredential is SecureString; credentials are PSCredential",
                },
                problems);
        }

        [Fact]
        public void Common_parameter_names_and_aliases_are_named() =>
            Assert.Equal(
                new[] { "Get-SampleClash -Mode: 'ea'", "Get-SampleClash -UseTransaction: 'UseTransaction'" },
                SignatureRules.CommonParameterClashes(_samples).Select(p => p.Substring(0, p.IndexOf(" is a", StringComparison.Ordinal))).OrderBy(p => p, StringComparer.Ordinal));

        [Fact]
        public void The_well_behaved_sample_passes_every_rule()
        {
            Assert.Contains(_samples, s => s.Name == "Remove-SampleThing");
            Assert.DoesNotContain(AllProblems(), p => p.Contains("SampleThing", StringComparison.Ordinal));
        }
    }
}
