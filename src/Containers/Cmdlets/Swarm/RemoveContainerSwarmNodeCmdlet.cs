using System.Management.Automation;
using Containers.Commands.Swarm;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Swarm
{
    /// <summary>Remove-ContainerSwarmNode: docker node rm, through a manager. -Force removes a node that is still up.</summary>
    [Cmdlet(VerbsCommon.Remove, "ContainerSwarmNode", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByObject)]
    [OutputType(typeof(ContainerSwarmNode))]
    public sealed class RemoveContainerSwarmNodeCmdlet : SwarmNodeTargetCmdlet
    {
        /// <summary>Remove nodes that are still up (docker node rm --force): they are cut off from the swarm. Managers are refused even so.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Return each removed node, as it was just before.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            ExecuteAsync(new RemoveContainerSwarmNodeCommand { Force = Force, PassThru = PassThru }, output, cancellationToken);
    }
}
