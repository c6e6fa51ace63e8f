using System.Management.Automation;
using Containers.Models;
using Containers.PowerShell.Completers;

namespace Containers.PowerShell.Cmdlets
{
    /// <summary>
    /// The parameter sets every cmdlet that acts on existing swarm nodes shares: by name (host names, ids or id prefixes,
    /// wildcards allowed, strings piped in), or by node object (piped from Get-ContainerSwarmNode, which also carries the
    /// manager it was read from).
    /// </summary>
    public abstract class SwarmNodeTargetCmdlet : TargetCmdlet
    {
        protected const string ByObject = "Node";

        /// <summary>Host names, ids or id prefixes of nodes; wildcards match host names and ids.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByName, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "NodeId", "HostName")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(SwarmNodeNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        /// <summary>Node objects, as Get-ContainerSwarmNode returns them.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByObject, ValueFromPipeline = true)]
        [ValidateNotNull]
        public ContainerSwarmNode[] Node { get; set; } = new ContainerSwarmNode[0];

        protected override Task ForEachEngineAsync(Func<ContainerEngine, IReadOnlyList<string>, Task> act) =>
            ForEachEngineAsync(ParameterSetName == ByObject, Name, Node, o => o.Engine, o => o.Id, act);
    }
}
