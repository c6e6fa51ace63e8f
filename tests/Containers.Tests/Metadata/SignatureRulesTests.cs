using Xunit;

namespace Containers.Tests.Metadata
{
    /// <summary>The module's cmdlets keep the signature rules: prompts, confirmation levels, credentials.</summary>
    public class SignatureRulesTests : IClassFixture<CmdletMetadataFixture>
    {
        private readonly CmdletMetadata _metadata;

        public SignatureRulesTests(CmdletMetadataFixture fixture)
        {
            _metadata = fixture.Metadata;
        }

        private static string ModulePath => Path.Combine(AppContext.BaseDirectory, "Containers.dll");

        [Fact]
        public void A_cmdlet_with_ConfirmImpact_High_has_Force() => Assert.Empty(SignatureRules.HighImpactWithoutForce(_metadata.Cmdlets));

        [Fact]
        public void Only_cmdlets_with_Force_ask_ShouldContinue()
        {
            // The scan sees calls made from async state machines: CmdletOutput's ShouldProcess is found where it is.
            Assert.Contains("Containers.PowerShell.Hosting.CmdletOutput", MethodCalls.CallersOf(ModulePath, "ShouldProcess"));
            Assert.Empty(SignatureRules.PromptsWithoutForce(_metadata.Cmdlets, MethodCalls.CallersOf(ModulePath, "ShouldContinue")));
        }

        [Fact]
        public void Prunes_ask_through_the_seam_and_offer_Force_in_their_parameter_sets()
        {
            // The prunes' ShouldContinue is the bridge's, called by the core: the cmdlets themselves never call it.
            Assert.Contains("Containers.PowerShell.Hosting.CmdletOutput", MethodCalls.CallersOf(ModulePath, "ShouldContinue"));
            Assert.Contains(_metadata.Cmdlets, c => c.Name == "Remove-ContainerVolume" && c.OutputTypes.Count > 0);
            Assert.Empty(SignatureRules.PruneWithoutForce(_metadata.Cmdlets));
        }

        [Fact]
        public void Destructive_cmdlets_confirm_at_Medium_or_higher()
        {
            Assert.Contains(_metadata.Cmdlets, c => c.Name == "Remove-Container" && c.ConfirmImpact >= 2);
            Assert.Empty(SignatureRules.DestructiveBelowMedium(_metadata.Cmdlets));
        }

        [Fact]
        public void Credentials_are_PSCredential_with_the_Credential_attribute() =>
            Assert.Empty(SignatureRules.CredentialProblems(_metadata.Cmdlets));
    }
}
