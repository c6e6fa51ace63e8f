using System.Management.Automation;
using Containers.Commands.Services;
using Containers.Output;
using Containers.PowerShell.Completers;
using Containers.PowerShell.Hosting;

namespace Containers.PowerShell.Cmdlets.Services
{
    /// <summary>
    /// Set-ContainerService: docker service update, scale and rollback. Scales (-Replicas), rolls out a new image
    /// (-Image, with -UpdateParallelism, -UpdateDelay, -UpdateFailureAction), or returns to the previous settings
    /// (-Rollback); waits for the tasks unless -NoWait.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "ContainerService", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByName)]
    [OutputType(typeof(Models.ContainerService))]
    public sealed class SetContainerServiceCmdlet : ServiceTargetCmdlet
    {
        /// <summary>The number of tasks of a replicated service (docker service scale); 0 stops them all.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? Replicas { get; set; }

        /// <summary>A new image for the tasks, rolled out batch by batch.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        public string? Image { get; set; }

        /// <summary>Tasks replaced at once in a rolling update; 0 replaces all at once.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? UpdateParallelism { get; set; }

        /// <summary>The wait between batches of a rolling update: a TimeSpan ('00:00:10', [timespan]::FromSeconds(10)).</summary>
        [Parameter]
        public TimeSpan? UpdateDelay { get; set; }

        /// <summary>What the swarm does when an updated task fails: Pause (the default), Continue or Rollback.</summary>
        [Parameter]
        [ValidateSet("Pause", "Continue", "Rollback")]
        public string? UpdateFailureAction { get; set; }

        /// <summary>Return the service to its settings before the last update (docker service rollback).</summary>
        [Parameter]
        public SwitchParameter Rollback { get; set; }

        /// <summary>
        /// Whether a new -Image is pinned to the digest its registry serves: Changed (the default here, as docker service
        /// update), Always, or Never (the image as given).
        /// </summary>
        [Parameter]
        public ServiceImageResolution ResolveImage { get; set; } = ServiceImageResolution.Changed;

        /// <summary>A registry login to send with the service so the nodes can pull a private image.</summary>
        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>Send the stored login (Connect-ContainerRegistry, docker login) for the new image's registry with the service.</summary>
        [Parameter]
        public SwitchParameter WithRegistryAuth { get; set; }

        /// <summary>Return once the swarm has the change, without waiting for the tasks.</summary>
        [Parameter]
        public SwitchParameter NoWait { get; set; }

        /// <summary>Write the service as it is after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            var command = new SetContainerServiceCommand
            {
                Replicas = (ulong?)Replicas,
                NewImage = Image,
                UpdateParallelism = (ulong?)UpdateParallelism,
                UpdateDelay = UpdateDelay,
                UpdateFailureAction = UpdateFailureAction,
                Rollback = Rollback,
                NoWait = NoWait,
                PassThru = PassThru,
                Image = new ServiceImage { Resolution = ResolveImage, Credential = RegistryLogins.From(Credential), WithRegistryAuth = WithRegistryAuth, Store = RegistryLogins.Store },
            };
            command.Validate();
            return ExecuteAsync(command, output, cancellationToken);
        }
    }
}
