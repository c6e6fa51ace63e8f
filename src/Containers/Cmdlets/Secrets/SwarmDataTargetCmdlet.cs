using System.Management.Automation;
using Containers.Models;
using Containers.PowerShell.Completers;

namespace Containers.PowerShell.Cmdlets.Secrets
{
    /// <summary>
    /// The parameter sets every cmdlet acting on existing secrets or configs shares: by name (names, ids, wildcards on
    /// names; strings piped in), or by the objects Get- and New-ContainerSecret (or Config) return, which carry their engine.
    /// </summary>
    public abstract class SwarmDataTargetCmdlet<TModel> : TargetCmdlet
        where TModel : ContainerSwarmData
    {
        protected const string ByObject = "InputObject";

        /// <summary>Names or ids; wildcards match names.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByName, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(SwarmDataNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        /// <summary>Objects as Get-ContainerSecret or Get-ContainerConfig return them.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByObject, ValueFromPipeline = true)]
        [ValidateNotNull]
        public TModel[] InputObject { get; set; } = new TModel[0];

        protected override Task ForEachEngineAsync(Func<ContainerEngine, IReadOnlyList<string>, Task> act) =>
            ForEachEngineAsync(ParameterSetName == ByObject, Name, InputObject, o => o.Engine, o => o.Name, act);
    }
}
