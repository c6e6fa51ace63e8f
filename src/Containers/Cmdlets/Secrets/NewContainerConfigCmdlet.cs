using System.Management.Automation;
using Containers.Commands.Secrets;
using Containers.Engine.Models;
using Containers.Models;

namespace Containers.PowerShell.Cmdlets.Secrets
{
    /// <summary>New-ContainerConfig: docker config create, from text or a file.</summary>
    [Cmdlet(VerbsCommon.New, "ContainerConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = ByValue)]
    [OutputType(typeof(ContainerSwarmConfig))]
    public sealed class NewContainerConfigCmdlet : NewSwarmDataCmdlet<SwarmConfig>
    {
        /// <summary>The content as text, sent as UTF-8 (Get-Content -Raw reads a file so; -Path sends a file's bytes as they are).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByValue, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public string? Value { get; set; }

        private protected override NewSwarmDataCommand<SwarmConfig> NewCommand() => new NewContainerConfigCommand { Value = Value };
    }
}
