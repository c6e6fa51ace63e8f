using System.Management.Automation;
using Containers.Commands.Networks;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Networks
{
    /// <summary>Connect-ContainerNetwork: docker network connect, with aliases and static addresses.</summary>
    [Cmdlet(VerbsCommunications.Connect, "ContainerNetwork", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = ByName)]
    [OutputType(typeof(Container))]
    public sealed class ConnectContainerNetworkCmdlet : ContainerNetworkConnectionCmdlet
    {
        /// <summary>Other names the container answers to on this network.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Alias { get; set; }

        /// <summary>Static addresses on this network: one IPv4, one IPv6 or one of each.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateCount(1, 2)]
        public string[]? IPAddress { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            // Checked before any container is touched: a bad address must not leave some of them connected.
            ConnectNetworkCommand command = ConnectNetworkCommand.Create(Network, Alias, IPAddress);
            command.PassThru = PassThru;
            return ExecuteAsync(command, output, cancellationToken);
        }
    }
}
