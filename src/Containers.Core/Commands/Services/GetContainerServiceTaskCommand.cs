using Containers.Commands.Targets;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Services
{
    /// <summary>
    /// Get-ContainerServiceTask: docker service ps. The tasks of each service named (names, ids, wildcards), by slot,
    /// the newest first within a slot; -DesiredState keeps those the orchestrator wants in that state (running: the
    /// current ones).
    /// </summary>
    public sealed class GetContainerServiceTaskCommand : TargetCommand
    {
        public GetContainerServiceTaskCommand()
            : base(ServiceTargets.Kind)
        {
        }

        /// <summary>running, shutdown or accepted; null for every task.</summary>
        public string? DesiredState { get; set; }

        protected override async Task ProcessAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken)
        {
            Service service = await engine.Client.Services.InspectAsync(target, cancellationToken);
            foreach (ContainerServiceTask task in await ServiceTaskListing.ListAsync(engine, service.ID, service.Spec.Name ?? service.ID, DesiredState, cancellationToken))
            {
                output.WriteObject(task);
            }
        }
    }
}
