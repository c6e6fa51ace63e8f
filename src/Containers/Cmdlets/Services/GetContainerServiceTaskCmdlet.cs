using System.Management.Automation;
using Containers.Commands.Services;
using Containers.Models;
using Containers.Output;
using Containers.PowerShell.Completers;

namespace Containers.PowerShell.Cmdlets.Services
{
    /// <summary>Get-ContainerServiceTask: docker service ps, the tasks of services with their node and state.</summary>
    [Cmdlet(VerbsCommon.Get, "ContainerServiceTask", DefaultParameterSetName = ByName)]
    [OutputType(typeof(ContainerServiceTask))]
    public sealed class GetContainerServiceTaskCmdlet : ServiceTargetCmdlet
    {
        private const string ByStack = "Stack";

        /// <summary>The tasks of every service of this stack (docker stack ps).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByStack)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(StackNameCompleter))]
        public string Stack { get; set; } = string.Empty;

        /// <summary>Only tasks the swarm wants in this state: Running (the current ones), Shutdown or Accepted.</summary>
        [Parameter]
        [ValidateSet("Running", "Shutdown", "Accepted")]
        public string? DesiredState { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            var command = new GetContainerServiceTaskCommand { DesiredState = DesiredState?.ToLowerInvariant() };
            return ParameterSetName == ByStack
                ? command.ExecuteOnStackAsync(SelectEngine(), Stack, output, cancellationToken)
                : ExecuteAsync(command, output, cancellationToken);
        }
    }
}
