using System.Management.Automation;
using Containers.Commands.Containers;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Images
{
    /// <summary>ConvertTo-ContainerImage: docker commit, making an image of a container and returning it.</summary>
    [Cmdlet(VerbsData.ConvertTo, "ContainerImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = ByName)]
    [OutputType(typeof(ContainerImage))]
    public sealed class ConvertToContainerImageCmdlet : ContainerTargetCmdlet
    {
        /// <summary>The new image's name: REPOSITORY or REPOSITORY:TAG. Without it the image has no name.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? Repository { get; set; }

        /// <summary>The new image's tag, when -Repository does not carry one (latest otherwise).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Tag { get; set; }

        /// <summary>The commit message (docker commit -m).</summary>
        [Parameter]
        [Alias("Comment")]
        public string? Message { get; set; }

        /// <summary>The author (docker commit -a).</summary>
        [Parameter]
        public string? Author { get; set; }

        /// <summary>Dockerfile instructions for the new image's settings: 'ENV MODE=prod', 'CMD ["nginx"]', 'EXPOSE 8080'.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Change { get; set; }

        /// <summary>Do not pause the container while its filesystem is read.</summary>
        [Parameter]
        public SwitchParameter NoPause { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            ForEachEngineAsync((engine, targets) =>
                new ConvertToContainerImageCommand(Repository, Tag) { Message = Message, Author = Author, Change = Change, NoPause = NoPause }
                    .ExecuteAsync(engine, targets, output, cancellationToken));
    }
}
