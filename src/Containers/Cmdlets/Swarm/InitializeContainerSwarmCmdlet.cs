using System.Management.Automation;
using Containers.Commands.Swarm;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Swarm
{
    /// <summary>Initialize-ContainerSwarm: docker swarm init. Makes the engine the first manager of a new swarm; returns the swarm.</summary>
    [Cmdlet(VerbsData.Initialize, "ContainerSwarm", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ContainerSwarm))]
    public sealed class InitializeContainerSwarmCmdlet : SwarmAddressCmdlet
    {
        /// <summary>CIDR pools overlay networks take their subnets from (--default-addr-pool); 10.0.0.0/8 by default.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? DefaultAddressPool { get; set; }

        /// <summary>With -DefaultAddressPool: the prefix length of each subnet taken from the pools (--default-addr-pool-mask-length).</summary>
        [Parameter]
        [ValidateRange(1, 32)]
        public int? SubnetSize { get; set; }

        /// <summary>Return the swarm with its join tokens (WorkerJoinToken, ManagerJoinToken).</summary>
        [Parameter]
        public SwitchParameter IncludeJoinToken { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new InitializeContainerSwarmCommand
            {
                AdvertiseAddress = AdvertiseAddress,
                ListenAddress = ListenAddress,
                DataPathAddress = DataPathAddress,
                DefaultAddressPool = DefaultAddressPool,
                SubnetSize = SubnetSize,
                IncludeJoinToken = IncludeJoinToken,
            }.ExecuteAsync(SelectEngine(), output, cancellationToken);
    }
}
