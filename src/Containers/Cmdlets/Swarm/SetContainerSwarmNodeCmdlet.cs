using System.Collections;
using System.Management.Automation;
using Containers.Commands.Swarm;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Swarm
{
    /// <summary>
    /// Set-ContainerSwarmNode: docker node update. Each node is written back with the version it was read at (a node
    /// object's own version when objects are given): a node changed meanwhile is a SwarmUpdateConflict, never retried.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "ContainerSwarmNode", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByObject)]
    [OutputType(typeof(ContainerSwarmNode))]
    public sealed class SetContainerSwarmNodeCmdlet : SwarmNodeTargetCmdlet
    {
        /// <summary>Active (takes tasks), Pause (takes no new ones) or Drain (its tasks move to other nodes).</summary>
        [Parameter]
        [ValidateSet("Active", "Pause", "Drain")]
        public string? Availability { get; set; }

        /// <summary>Worker or Manager: promotes or demotes the node.</summary>
        [Parameter]
        [ValidateSet("Worker", "Manager")]
        public string? Role { get; set; }

        /// <summary>Node labels to add or replace: @{ zone = 'a' } (placement constraints read them as node.labels.zone).</summary>
        [Parameter]
        public Hashtable? Label { get; set; }

        /// <summary>Node label keys to remove.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? RemoveLabel { get; set; }

        /// <summary>Return each node as it is after the update.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            var command = new SetContainerSwarmNodeCommand
            {
                Availability = Availability,
                Role = Role,
                Label = Label,
                RemoveLabel = RemoveLabel,
                PassThru = PassThru,
                ReadVersions = ParameterSetName == ByObject ? Node.GroupBy(node => node.Id).ToDictionary(group => group.Key, group => group.First().Version) : null,
            };
            command.Validate();
            return ExecuteAsync(command, output, cancellationToken);
        }
    }
}
