using System.Collections;
using System.Management.Automation;
using Containers.Commands.Swarm;
using Containers.Models;
using Containers.Output;
using Containers.PowerShell.Completers;

namespace Containers.PowerShell.Cmdlets.Swarm
{
    /// <summary>Get-ContainerSwarmNode: docker node ls and inspect, on a manager.</summary>
    [Cmdlet(VerbsCommon.Get, "ContainerSwarmNode")]
    [OutputType(typeof(ContainerSwarmNode))]
    public sealed class GetContainerSwarmNodeCmdlet : ContainersCmdlet
    {
        /// <summary>Host names, ids or id prefixes of nodes; wildcards match host names and ids.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "NodeId", "HostName")]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(SwarmNodeNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>Only managers or only workers.</summary>
        [Parameter]
        [ValidateSet("Manager", "Worker")]
        public string? Role { get; set; }

        /// <summary>Only nodes with these node labels: KEY or KEY=VALUE.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Label { get; set; }

        /// <summary>The engine's filters, for example @{ membership = 'pending' }.</summary>
        [Parameter]
        public Hashtable? Filter { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new GetContainerSwarmNodeCommand { Name = WithoutPipedHostName(Name), Role = Role, Label = Label, Filter = Filter }
                .ExecuteAsync(SelectEngine(), output, cancellationToken);
    }
}
