using System.Management.Automation;
using Containers.Commands.Services;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Services
{
    /// <summary>Get-ContainerServiceTask: docker service ps, the tasks of services with their node and state.</summary>
    [Cmdlet(VerbsCommon.Get, "ContainerServiceTask", DefaultParameterSetName = ByName)]
    [OutputType(typeof(ContainerServiceTask))]
    public sealed class GetContainerServiceTaskCmdlet : ServiceTargetCmdlet
    {
        /// <summary>Only tasks the swarm wants in this state: Running (the current ones), Shutdown or Accepted.</summary>
        [Parameter]
        [ValidateSet("Running", "Shutdown", "Accepted")]
        public string? DesiredState { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            ExecuteAsync(new GetContainerServiceTaskCommand { DesiredState = DesiredState?.ToLowerInvariant() }, output, cancellationToken);
    }
}
