using System.Management.Automation;
using Containers.Commands.Swarm;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Swarm
{
    /// <summary>Get-ContainerSwarm: docker swarm inspect, on a manager; the join tokens only with -IncludeJoinToken.</summary>
    [Cmdlet(VerbsCommon.Get, "ContainerSwarm")]
    [OutputType(typeof(ContainerSwarm))]
    public sealed class GetContainerSwarmCmdlet : ContainersCmdlet
    {
        /// <summary>Fill in WorkerJoinToken and ManagerJoinToken: secrets that let any machine join the swarm.</summary>
        [Parameter]
        public SwitchParameter IncludeJoinToken { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new GetContainerSwarmCommand { IncludeJoinToken = IncludeJoinToken }.ExecuteAsync(SelectEngine(), output, cancellationToken);
    }
}
