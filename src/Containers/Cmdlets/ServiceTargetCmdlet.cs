using System.Management.Automation;
using Containers.Models;
using Containers.Errors;
using Containers.PowerShell.Completers;
using Containers.PowerShell.Hosting;

namespace Containers.PowerShell.Cmdlets
{
    /// <summary>
    /// The parameter sets every cmdlet that acts on existing swarm services shares: by name (ids, id prefixes and
    /// wildcards on names too; strings piped in), or by service object (piped from Get-ContainerService and
    /// New-ContainerService, which also carry their engine).
    /// </summary>
    public abstract class ServiceTargetCmdlet : TargetCmdlet
    {
        protected const string ByObject = "InputObject";

        /// <summary>Names or ids of services; wildcards match names.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByName, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ServiceName", "Service")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ServiceNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        /// <summary>Service objects, as Get-ContainerService returns them.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByObject, ValueFromPipeline = true)]
        [ValidateNotNull]
        public ContainerService[] InputObject { get; set; } = new ContainerService[0];

        protected override Task ForEachEngineAsync(Func<ContainerEngine, IReadOnlyList<string>, Task> act)
        {
            if (ParameterSetName == ByName)
            {
                PipedStackRefusal.ThrowIfStackPiped(this, NamesGivenAsArgument);
            }

            return ForEachEngineAsync(ParameterSetName == ByObject, Name, InputObject, o => o.Engine, o => o.Id, act);
        }
    }
}
