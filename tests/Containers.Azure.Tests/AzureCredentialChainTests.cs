using Containers.Azure.Credentials;
using Xunit;
using K = Containers.Azure.Credentials.AzureCredentialKind;

namespace Containers.Azure.Tests
{
    /// <summary>The credential order as data: which credentials are tried for a given token and environment.</summary>
    public sealed class AzureCredentialChainTests
    {
        private static IReadOnlyDictionary<string, string?> Env(params (string Name, string Value)[] values)
        {
            var env = new Dictionary<string, string?>();
            foreach ((string name, string value) in values)
            {
                env[name] = value;
            }

            return env;
        }

        [Fact]
        public void A_given_token_is_used_alone()
        {
            Assert.Equal(new[] { K.AccessToken }, AzureCredentialChain.Plan("t", Env(("IDENTITY_ENDPOINT", "http://localhost:2/msi")), userInteractive: true));
        }

        [Fact]
        public void Azure_Automation_gets_managed_identity_first_and_never_a_prompt()
        {
            var env = Env(("IDENTITY_ENDPOINT", "http://127.0.0.1:40342/metadata/identity/oauth2/token"), ("AZUREPS_HOST_ENVIRONMENT", "AzureAutomation/"), ("DISPLAY", ":0"));
            Assert.Equal(new[] { K.ManagedIdentity, K.AzurePowerShell, K.AzureCli }, AzureCredentialChain.Plan(null, env, userInteractive: true));
        }

        [Fact]
        public void An_interactive_desktop_ends_with_the_browser_and_a_service_does_not()
        {
            Assert.Equal(new[] { K.AzurePowerShell, K.AzureCli, K.InteractiveBrowser }, AzureCredentialChain.Plan(null, Env(("DISPLAY", ":0")), userInteractive: true));
            Assert.Equal(new[] { K.AzurePowerShell, K.AzureCli }, AzureCredentialChain.Plan(null, Env(("DISPLAY", ":0")), userInteractive: false));
            Assert.Equal(new[] { K.AzurePowerShell, K.AzureCli }, AzureCredentialChain.Plan(null, Env(("DISPLAY", ":0"), ("CI", "true")), userInteractive: true));
        }

        [Fact]
        public void The_static_token_reads_its_expiry_from_the_jwt()
        {
            var credential = new StaticTokenCredential("Bearer header.eyJleHAiOjQxMDI0NDQ4MDB9.signature");
            Assert.Equal(2100, credential.ExpiresOn.Year);
        }
    }
}
