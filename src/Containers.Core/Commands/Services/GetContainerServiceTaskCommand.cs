using Containers.Commands.Targets;
using Containers.Engine.Endpoints;
using Containers.Engine.Models;
using Containers.Errors;
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

        /// <summary>
        /// docker stack ps: the tasks of every service of <paramref name="stack"/> (those with its namespace label), by
        /// service name. A stack with no services is StackNotFound.
        /// </summary>
        public async Task ExecuteOnStackAsync(ContainerEngine engine, string stack, ICommandOutput output, CancellationToken cancellationToken)
        {
            List<Service> services = (await engine.Client.Services.ListAsync(new Filters().Add("label", ContainerStackLabels.Namespace + "=" + stack), cancellationToken))
                .OrderBy(service => service.Spec.Name, StringComparer.Ordinal)
                .ToList();
            if (services.Count == 0)
            {
                output.WriteError(StackErrors.Classify(StackErrors.NotFound(stack, engine), stack));
                return;
            }

            await ExecuteAsync(engine, services.Select(service => service.ID), output, cancellationToken);
        }

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
