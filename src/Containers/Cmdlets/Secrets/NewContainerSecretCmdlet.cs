using System.Management.Automation;
using System.Security;
using Containers.Commands.Secrets;
using Containers.Engine.Models;
using Containers.Models;

namespace Containers.PowerShell.Cmdlets.Secrets
{
    /// <summary>New-ContainerSecret: docker secret create, from a SecureString or a file; the value is never shown.</summary>
    [Cmdlet(VerbsCommon.New, "ContainerSecret", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = ByValue)]
    [OutputType(typeof(ContainerSecret))]
    public sealed class NewContainerSecretCmdlet : NewSwarmDataCmdlet<SwarmSecret>
    {
        /// <summary>The value, sent as its UTF-8 bytes: Read-Host -AsSecureString, Get-Secret (SecretManagement), ConvertTo-SecureString.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByValue, ValueFromPipeline = true)]
        [ValidateNotNull]
        public SecureString? Value { get; set; }

        /// <summary>A secret store plugin to hold the value instead of the swarm's own store.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Driver { get; set; }

        private protected override NewSwarmDataCommand<SwarmSecret> NewCommand() => new NewContainerSecretCommand { Value = Value, Driver = Driver };
    }
}
