using System.Management.Automation;
using Containers.Commands.Secrets;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Secrets
{
    /// <summary>Remove-ContainerConfig: docker config rm; one a service uses is refused, naming the service.</summary>
    [Cmdlet(VerbsCommon.Remove, "ContainerConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByName)]
    [OutputType(typeof(ContainerSwarmConfig))]
    public sealed class RemoveContainerConfigCmdlet : SwarmDataTargetCmdlet<ContainerSwarmConfig>
    {
        /// <summary>Return each config removed, as it was.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            ExecuteAsync(new RemoveContainerConfigCommand { PassThru = PassThru }, output, cancellationToken);
    }
}
