using System.Management.Automation;
using Containers.Commands.Services;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Services
{
    /// <summary>Remove-ContainerService: docker service rm; the swarm then removes the service's tasks.</summary>
    [Cmdlet(VerbsCommon.Remove, "ContainerService", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByName)]
    [OutputType(typeof(Models.ContainerService))]
    public sealed class RemoveContainerServiceCmdlet : ServiceTargetCmdlet
    {
        /// <summary>Return each removed service, as it was just before.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            ExecuteAsync(new RemoveContainerServiceCommand { PassThru = PassThru }, output, cancellationToken);
    }
}
