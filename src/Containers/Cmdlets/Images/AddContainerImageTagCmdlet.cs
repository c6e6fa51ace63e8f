using System.Management.Automation;
using Containers.Commands.Images;
using Containers.Models;
using Containers.Output;
using Containers.PowerShell.Completers;

namespace Containers.PowerShell.Cmdlets.Images
{
    /// <summary>Add-ContainerImageTag: docker tag, giving an image further names.</summary>
    [Cmdlet(VerbsCommon.Add, "ContainerImageTag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ContainerImage))]
    public sealed class AddContainerImageTagCmdlet : ContainersCmdlet
    {
        /// <summary>The image to tag: repository:tag, an id or an id prefix. Image objects piped in bind by their Name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageName", "ImageId", "Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        public string Name { get; set; } = string.Empty;

        /// <summary>The new names: REPOSITORY[:TAG], the tag latest when absent.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string[] Tag { get; set; } = new string[0];

        /// <summary>Return the image under each new name.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new AddContainerImageTagCommand(Tag) { PassThru = PassThru }.ExecuteAsync(SelectEngine(), Name, output, cancellationToken);
    }
}
