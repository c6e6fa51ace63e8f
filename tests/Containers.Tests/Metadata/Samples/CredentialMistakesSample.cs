using System.Management.Automation;
using System.Security;

namespace Containers.Tests.Metadata.Samples
{
    /// <summary>Wrong on purpose: every way a credential parameter goes wrong.</summary>
    [Cmdlet(VerbsCommunications.Connect, "SampleRegistry")]
    [OutputType(typeof(string))]
    public sealed class CredentialMistakesSample : PSCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        public string Registry { get; set; } = string.Empty;

        /// <summary>A password in plain text, in the history and the logs.</summary>
        [Parameter]
        public string? Credential { get; set; }

        /// <summary>A secret without its user name.</summary>
        [Parameter]
        public SecureString? RegistryCredential { get; set; }

        /// <summary>The right type, but without [Credential] a user name given alone does not become a prompt.</summary>
        [Parameter]
        public PSCredential? Account { get; set; }

        /// <summary>Hidden behind an alias.</summary>
        [Parameter]
        [Alias("ProxyCredential")]
        public string? ProxyLogin { get; set; }
    }
}
