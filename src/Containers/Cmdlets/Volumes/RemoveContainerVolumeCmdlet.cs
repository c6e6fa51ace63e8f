using System.Management.Automation;
using Containers.Commands.Volumes;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Volumes
{
    /// <summary>Remove-ContainerVolume: removes volumes (docker volume rm); -Unused removes unused ones (prune).</summary>
    [Cmdlet(VerbsCommon.Remove, "ContainerVolume", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByName)]
    [OutputType(typeof(PruneResult), ParameterSetName = new[] { PruneSet })]
    public sealed class RemoveContainerVolumeCmdlet : VolumeTargetCmdlet
    {
        private const string PruneSet = "Unused";

        /// <summary>Make the engine forget volumes whose driver fails to remove them (never a volume in use); with -Unused, remove without asking.</summary>
        [Parameter(ParameterSetName = ByName)]
        [Parameter(ParameterSetName = ByObject)]
        [Parameter(ParameterSetName = PruneSet)]
        public SwitchParameter Force { get; set; }

        /// <summary>Remove unused volumes instead of named ones: anonymous ones, or with -All every unused one.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PruneSet)]
        public SwitchParameter Unused { get; set; }

        /// <summary>With -Unused: named volumes too (docker volume prune -a); required on engines before API 1.42.</summary>
        [Parameter(ParameterSetName = PruneSet)]
        public SwitchParameter All { get; set; }

        /// <summary>With -Unused: only volumes that carry these labels ('key' or 'key=value').</summary>
        [Parameter(ParameterSetName = PruneSet)]
        [ValidateNotNullOrEmpty]
        public string[]? Label { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            RemoveOrPruneAsync(PruneSet, () => new PruneVolumesCommand { All = All, Label = Label, Force = Force },
                () => new RemoveContainerVolumeCommand { Force = Force }, output, cancellationToken);
    }
}
