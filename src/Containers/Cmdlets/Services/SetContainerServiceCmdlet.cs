using System.Management.Automation;
using Containers.Commands.Services;
using Containers.Output;
using Containers.Parsing;
using Containers.PowerShell.Completers;
using Containers.PowerShell.Hosting;

namespace Containers.PowerShell.Cmdlets.Services
{
    /// <summary>
    /// Set-ContainerService: docker service update, scale and rollback. Scales (-Replicas), changes what the tasks run
    /// (-Image, -Environment, -Port, -Mount... New-ContainerService's task parameters, from <see cref="ServiceTaskCmdlet"/>)
    /// in a rolling update (-UpdateParallelism, -UpdateDelay, -UpdateFailureAction), or returns to the previous settings
    /// (-Rollback); waits for the tasks unless -NoWait, for at most -Timeout.
    /// It names its services as <see cref="ServiceTargetCmdlet"/> does (the same two parameters, by name or by object):
    /// it derives from the task parameters' base instead, which New-ContainerService shares, a class having one base.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "ContainerService", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByName)]
    [OutputType(typeof(Models.ContainerService))]
    public sealed class SetContainerServiceCmdlet : ServiceTaskCmdlet
    {
        public SetContainerServiceCmdlet()
            : base(ServiceImageResolution.Changed)
        {
        }

        private const string ByName = "Name";

        private const string ByObject = "InputObject";

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
        public Models.ContainerService[] InputObject { get; set; } = new Models.ContainerService[0];

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
                TaskSettings = TaskOptions(new ServiceTaskOptions()),
                NoWait = NoWait,
                Timeout = WaitTimeout,
                PassThru = PassThru,
                Image = ImageOptions(),
            };
            command.Validate();
            if (ParameterSetName == ByName)
            {
                PipedStackRefusal.ThrowIfStackPiped(this, NamesGivenAsArgument);
            }

            return ForEachEngineAsync(ParameterSetName == ByObject, Name, InputObject, o => o.Engine, o => o.Id,
                (engine, targets) => command.ExecuteAsync(engine, targets, output, cancellationToken));
        }
    }
}
