using System.Management.Automation;
using Containers.Models;
using Containers.PowerShell.Completers;

namespace Containers.PowerShell.Cmdlets
{
    /// <summary>
    /// The parameter sets every cmdlet that acts on existing containers shares: by name or id (wildcards allowed, strings
    /// piped in), or by container object (piped from Get-Container and friends, which also carry their engine).
    /// </summary>
    public abstract class ContainerTargetCmdlet : TargetCmdlet
    {
        protected const string ByObject = "Container";

        /// <summary>Names or ids of containers; wildcards match names.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByName, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "ContainerId", "ContainerName")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ContainerNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        /// <summary>Container objects, as Get-Container returns them.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByObject, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Container[] Container { get; set; } = new Container[0];

        protected override Task ForEachEngineAsync(Func<ContainerEngine, IReadOnlyList<string>, Task> act) =>
            ForEachEngineAsync(ParameterSetName == ByObject, Name, Container, o => o.Engine, o => o.Id, act);
    }
}
