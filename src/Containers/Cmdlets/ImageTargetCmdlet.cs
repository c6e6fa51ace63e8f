using System.Management.Automation;
using Containers.Models;
using Containers.PowerShell.Completers;

namespace Containers.PowerShell.Cmdlets
{
    /// <summary>
    /// The parameter sets every cmdlet that acts on existing images shares: by name or id (wildcards allowed, strings
    /// piped in), or by image object (piped from Get-ContainerImage and friends, which also carry their engine).
    /// </summary>
    public abstract class ImageTargetCmdlet : TargetCmdlet
    {
        protected const string ByObject = "Image";

        /// <summary>repository:tag names, ids or id prefixes of images; wildcards match repository:tag.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByName, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageName", "ImageId", "Id")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        /// <summary>Image objects, as Get-ContainerImage returns them.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByObject, ValueFromPipeline = true)]
        [ValidateNotNull]
        public ContainerImage[] Image { get; set; } = new ContainerImage[0];

        // An image object is named by its Name (repository:tag, or the id of an image without one), so acting on it acts
        // on that one name, as docker does with the name Get-ContainerImage listed.
        protected override Task ForEachEngineAsync(Func<ContainerEngine, IReadOnlyList<string>, Task> act) =>
            ForEachEngineAsync(ParameterSetName == ByObject, Name, Image, o => o.Engine, o => o.Name, act);
    }
}
