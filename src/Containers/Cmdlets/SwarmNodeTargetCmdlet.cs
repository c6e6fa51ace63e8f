using System.Management.Automation;
using Containers.Models;
using Containers.PowerShell.Completers;

namespace Containers.PowerShell.Cmdlets
{
    /// <summary>
    /// The parameter sets every cmdlet that acts on existing swarm nodes shares: by name (host names, ids or id prefixes,
    /// wildcards allowed, strings piped in), or by node object (piped from Get-ContainerSwarmNode, which also carries the
    /// manager it was read from). The cmdlets make the object set their default: PowerShell tries the default set first
    /// for each piped record, and a node object would otherwise bind to -Name as its host name (the string it converts
    /// to) and lose the version it was read at; a piped string cannot become a node, so it still binds to -Name.
    /// </summary>
    public abstract class SwarmNodeTargetCmdlet : TargetCmdlet
    {
        protected const string ByObject = "Node";

        /// <summary>
        /// Host names, ids or id prefixes of nodes; wildcards match host names and ids. No Id or HostName alias, so a node
        /// object never binds here by property name.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByName, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("NodeId")]
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
