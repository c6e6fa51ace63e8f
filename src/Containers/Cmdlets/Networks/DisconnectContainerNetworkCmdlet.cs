using System.Management.Automation;
using Containers.Commands.Networks;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Networks
{
    /// <summary>Disconnect-ContainerNetwork: docker network disconnect.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "ContainerNetwork", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = ByName)]
    [OutputType(typeof(Container))]
    public sealed class DisconnectContainerNetworkCmdlet : ContainerNetworkConnectionCmdlet
    {
        /// <summary>Disconnect even when the container is stopped or its endpoint is stale.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            DisconnectNetworkCommand command = DisconnectNetworkCommand.Create(Network, Force);
            command.PassThru = PassThru;
            return ExecuteAsync(command, output, cancellationToken);
        }
    }
}
