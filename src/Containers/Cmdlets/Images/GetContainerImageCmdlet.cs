using System.Collections;
using System.Management.Automation;
using Containers.Commands.Images;
using Containers.Models;
using Containers.Output;
using Containers.PowerShell.Completers;

namespace Containers.PowerShell.Cmdlets.Images
{
    /// <summary>Get-ContainerImage: docker images as objects, one per repository:tag.</summary>
    [Cmdlet(VerbsCommon.Get, "ContainerImage")]
    [OutputType(typeof(ContainerImage))]
    public sealed class GetContainerImageCmdlet : ContainersCmdlet
    {
        /// <summary>REPOSITORY[:TAG] names (all tags without one), ids, id prefixes, or wildcards on repository:tag.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageName", "ImageId", "Id")]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>Include intermediate images (docker images -a).</summary>
        [Parameter]
        public SwitchParameter All { get; set; }

        /// <summary>Only images without a name (docker images -f dangling=true).</summary>
        [Parameter]
        public SwitchParameter Dangling { get; set; }

        /// <summary>Only images with these labels: KEY or KEY=VALUE.</summary>
        [Parameter]
        public string[]? Label { get; set; }

        /// <summary>The engine's filters, for example @{ reference = 'nginx'; before = 'nginx:1.25' }.</summary>
        [Parameter]
        public Hashtable? Filter { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new GetContainerImageCommand { Name = WithoutPipedHostName(Name), All = All, Dangling = Dangling, Label = Label, Filter = Filter }
                .ExecuteAsync(SelectEngine(), output, cancellationToken);
    }
}
