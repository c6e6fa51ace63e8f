using System.Management.Automation;
using Containers.Models;
using Containers.PowerShell.Completers;

namespace Containers.PowerShell.Cmdlets
{
    /// <summary>
    /// The parameter sets every cmdlet that acts on existing volumes shares: by name (wildcards allowed, strings piped
    /// in), or by volume object (piped from Get-ContainerVolume and New-ContainerVolume, which also carry their engine).
    /// </summary>
    public abstract class VolumeTargetCmdlet : TargetCmdlet
    {
        protected const string ByObject = "Volume";

        /// <summary>Names of volumes; wildcards match names.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByName, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("VolumeName")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ContainerVolumeNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        /// <summary>Volume objects, as Get-ContainerVolume returns them.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByObject, ValueFromPipeline = true)]
        [ValidateNotNull]
        public ContainerVolume[] Volume { get; set; } = new ContainerVolume[0];

        protected override Task ForEachEngineAsync(Func<ContainerEngine, IReadOnlyList<string>, Task> act) =>
            ForEachEngineAsync(ParameterSetName == ByObject, Name, Volume, o => o.Engine, o => o.Name, act);
    }
}
