using System.Management.Automation;
using Containers.Commands.Swarm;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Swarm
{
    /// <summary>Initialize-ContainerSwarm: docker swarm init. Makes the engine the first manager of a new swarm; returns the swarm.</summary>
    [Cmdlet(VerbsData.Initialize, "ContainerSwarm", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ContainerSwarm))]
    public sealed class InitializeContainerSwarmCmdlet : ContainersCmdlet
    {
        /// <summary>The address other nodes reach this one at: ADDRESS[:PORT] or an interface name (docker swarm init --advertise-addr).</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? AdvertiseAddress { get; set; }

        /// <summary>Where the manager listens: ADDRESS[:PORT] or an interface name; 0.0.0.0:2377 by default (--listen-addr).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ListenAddress { get; set; }

        /// <summary>The address or interface overlay data traffic uses, when not the advertised one (--data-path-addr).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DataPathAddress { get; set; }

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
