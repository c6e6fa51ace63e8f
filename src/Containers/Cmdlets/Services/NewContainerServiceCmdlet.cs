using System.Management.Automation;
using Containers.Commands.Services;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;
using Containers.PowerShell.Completers;

namespace Containers.PowerShell.Cmdlets.Services
{
    /// <summary>
    /// New-ContainerService: docker service create. New-Container's parameters that apply to a task, plus the swarm's
    /// own (replicas or global mode, placement, resources, restart policy, image resolution, registry login); waits for
    /// the tasks to run, with progress, unless -NoWait, for at most -Timeout. The task parameters are
    /// <see cref="ServiceTaskCmdlet"/>'s, shared with Set-ContainerService.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "ContainerService", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ContainerService))]
    public sealed class NewContainerServiceCmdlet : ServiceTaskCmdlet
    {
        public NewContainerServiceCmdlet()
            : base(ServiceImageResolution.Always)
        {
        }

        /// <summary>The image the tasks run (repository:tag).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        public string Image { get; set; } = string.Empty;

        /// <summary>The service's name; the swarm makes one up when absent.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Replicated (a number of tasks, the default) or Global (one task on every node).</summary>
        [Parameter]
        public ContainerServiceMode Mode { get; set; } = ContainerServiceMode.Replicated;




        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            NewContainerServiceCommand command = NewContainerServiceCommand.FromOptions(TaskOptions(new ServiceOptions
            {
                Image = Image,
                Name = Name,
                Replicas = (ulong?)Replicas,
                Mode = Mode,
            }));
            command.NoWait = NoWait;
            command.Timeout = WaitTimeout;
            command.Image = ImageOptions();
            return command.ExecuteAsync(SelectEngine(), output, cancellationToken);
        }
    }
}
