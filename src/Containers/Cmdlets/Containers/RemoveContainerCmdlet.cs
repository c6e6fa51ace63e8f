using System.Management.Automation;
using Containers.Commands.Containers;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Containers
{
    /// <summary>Remove-Container: removes containers; -Stopped removes every stopped container (prune).</summary>
    [Cmdlet(VerbsCommon.Remove, "Container", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByName)]
    [OutputType(typeof(PruneResult), ParameterSetName = new[] { PruneSet })]
    public sealed class RemoveContainerCmdlet : ContainerTargetCmdlet
    {
        private const string PruneSet = "Stopped";

        /// <summary>Remove running containers too (they are killed first); with -Stopped, remove without asking.</summary>
        [Parameter(ParameterSetName = ByName)]
        [Parameter(ParameterSetName = ByObject)]
        [Parameter(ParameterSetName = PruneSet)]
        public SwitchParameter Force { get; set; }

        /// <summary>Also remove the container's anonymous volumes.</summary>
        [Parameter(ParameterSetName = ByName)]
        [Parameter(ParameterSetName = ByObject)]
        public SwitchParameter Volume { get; set; }

        /// <summary>Remove every stopped container instead of named ones.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PruneSet)]
        public SwitchParameter Stopped { get; set; }

        /// <summary>With -Stopped: only containers that carry these labels ('key' or 'key=value').</summary>
        [Parameter(ParameterSetName = PruneSet)]
        [ValidateNotNullOrEmpty]
        public string[]? Label { get; set; }

        /// <summary>With -Stopped: only containers created before this (a DateTime, or a duration back from now such as '24h').</summary>
        [Parameter(ParameterSetName = PruneSet)]
        [ValidateNotNull]
        public object? OlderThan { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            RemoveOrPruneAsync(PruneSet, () => new PruneContainersCommand { Label = Label, OlderThan = OlderThan, Force = Force },
                () => new RemoveContainerCommand { Force = Force, RemoveVolumes = Volume }, output, cancellationToken);
    }
}
