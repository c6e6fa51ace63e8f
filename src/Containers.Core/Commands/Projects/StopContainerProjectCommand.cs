using Containers.Commands.Targets;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Projects
{
    /// <summary>
    /// Stop-ContainerProject: docker compose stop. The project's running containers, found by label, stop newest first:
    /// Start-ContainerProject creates dependencies first, so that is the reverse of the dependency order.
    /// </summary>
    public sealed class StopContainerProjectCommand : TargetCommand
    {
        public StopContainerProjectCommand()
            : base(ProjectTargets.Kind)
        {
        }

        /// <summary>Seconds to wait before killing; null: each container's own setting (10 s by default).</summary>
        public int? Timeout { get; set; }

        /// <summary>Write the project after stopping it.</summary>
        public bool PassThru { get; set; }

        protected override string Action => "Stop";

        protected override async Task ProcessAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken)
        {
            List<Container> containers = await ProjectContainers.ListAsync(engine, target, cancellationToken);
            if (containers.Count == 0)
            {
                throw ProjectTargets.NotFound(target);
            }

            foreach (Container container in Enumerable.Reverse(containers).Where(ProjectContainers.IsUp))
            {
                output.WriteVerbose($"Stopping the container '{container.Name}'.");
                await engine.Client.Containers.StopAsync(container.Id, Timeout, cancellationToken);
            }

            if (PassThru)
            {
                (await ProjectContainers.ProjectsAsync(engine, target, cancellationToken)).ForEach(output.WriteObject);
            }
        }
    }
}
