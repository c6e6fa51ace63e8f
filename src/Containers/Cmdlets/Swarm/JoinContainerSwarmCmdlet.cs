using System.Management.Automation;
using Containers.Commands.Swarm;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Swarm
{
    /// <summary>Join-ContainerSwarm: docker swarm join. Returns once the node is active in the swarm, or reports why it is not.</summary>
    [Cmdlet(VerbsCommon.Join, "ContainerSwarm", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ContainerEngineInfo))]
    public sealed class JoinContainerSwarmCmdlet : ContainersCmdlet
    {
        /// <summary>Managers of the swarm: HOST:PORT (port 2377 when absent); the first that answers is used.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ManagerAddress")]
        [ValidateNotNullOrEmpty]
        public string[] RemoteAddress { get; set; } = new string[0];

        /// <summary>The worker or manager join token (Get-ContainerSwarm -IncludeJoinToken on a manager): it decides the node's role.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("JoinToken")]
        [ValidateNotNullOrEmpty]
        public string Token { get; set; } = string.Empty;

        /// <summary>The address other nodes reach this one at: ADDRESS[:PORT] or an interface name (--advertise-addr).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AdvertiseAddress { get; set; }

        /// <summary>Where the node listens once it is a manager: ADDRESS[:PORT] or an interface; 0.0.0.0:2377 by default (--listen-addr).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ListenAddress { get; set; }

        /// <summary>The address or interface overlay data traffic uses, when not the advertised one (--data-path-addr).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DataPathAddress { get; set; }

        /// <summary>Return the engine (Get-ContainerEngine's object) once it has joined; its SwarmState says where it stands.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new JoinContainerSwarmCommand
            {
                RemoteAddress = RemoteAddress,
                Token = Token,
                AdvertiseAddress = AdvertiseAddress,
                ListenAddress = ListenAddress,
                DataPathAddress = DataPathAddress,
                PassThru = PassThru,
            }.ExecuteAsync(SelectEngine(), output, cancellationToken);
    }
}
