using System.Management.Automation;
using Containers.Commands.Images;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Images
{
    /// <summary>Remove-ContainerImage: removes image names and images (docker rmi); -Unused removes unused images (prune).</summary>
    [Cmdlet(VerbsCommon.Remove, "ContainerImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByName)]
    [OutputType(typeof(PruneResult), ParameterSetName = new[] { PruneSet })]
    public sealed class RemoveContainerImageCmdlet : ImageTargetCmdlet
    {
        private const string PruneSet = "Unused";

        /// <summary>Also remove images stopped containers use, and by id images that have several names; with -Unused, remove without asking.</summary>
        [Parameter(ParameterSetName = ByName)]
        [Parameter(ParameterSetName = ByObject)]
        [Parameter(ParameterSetName = PruneSet)]
        public SwitchParameter Force { get; set; }

        /// <summary>Keep the untagged parent images that would otherwise go with the image.</summary>
        [Parameter(ParameterSetName = ByName)]
        [Parameter(ParameterSetName = ByObject)]
        public SwitchParameter NoPrune { get; set; }

        /// <summary>Remove unused images instead of named ones: dangling ones, or with -All every unused one.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PruneSet)]
        public SwitchParameter Unused { get; set; }

        /// <summary>With -Unused: every image no container uses, not only the dangling ones (docker image prune -a).</summary>
        [Parameter(ParameterSetName = PruneSet)]
        public SwitchParameter All { get; set; }

        /// <summary>With -Unused: only images that carry these labels ('key' or 'key=value').</summary>
        [Parameter(ParameterSetName = PruneSet)]
        [ValidateNotNullOrEmpty]
        public string[]? Label { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            RemoveOrPruneAsync(PruneSet, () => new PruneImagesCommand { All = All, Label = Label, Force = Force },
                () => new RemoveContainerImageCommand { Force = Force, NoPrune = NoPrune }, output, cancellationToken);
    }
}
