using Containers.Commands.Targets;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Projects
{
    /// <summary>
    /// Remove-ContainerProject: docker compose down. The project's containers stop (newest first) and go, then its
    /// networks; its volumes only with <see cref="Volume"/>. All are found by the labels compose puts on them, so a
    /// project docker-compose made goes the same way.
    /// </summary>
    public sealed class RemoveContainerProjectCommand : TargetCommand
    {
        public RemoveContainerProjectCommand()
            : base(ProjectTargets.Kind)
        {
        }

        /// <summary>Remove the project's volumes too (docker compose down --volumes).</summary>
        public bool Volume { get; set; }

        /// <summary>Seconds to wait for each container to stop before killing it; null: its own setting.</summary>
        public int? Timeout { get; set; }

        /// <summary>Write each removed project, as it was before the removal.</summary>
        public bool PassThru { get; set; }

        protected override string Action => Volume ? "Remove (containers, networks and volumes)" : "Remove (containers and networks)";

        protected override async Task ProcessAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken)
        {
            List<Container> containers = await ProjectContainers.ListAsync(engine, target, cancellationToken);
            List<string> networks = await ProjectResources.NetworksAsync(engine, target, cancellationToken);
            List<string> volumes = Volume ? await ProjectResources.VolumesAsync(engine, target, cancellationToken) : new List<string>();
            if (containers.Count == 0 && networks.Count == 0 && volumes.Count == 0)
            {
                throw ProjectTargets.NotFound(target);
            }

            ContainerProject? before = PassThru && containers.Count > 0 ? ContainerProject.FromContainers(target, containers, engine) : null;

            foreach (Container container in Enumerable.Reverse(containers))
            {
                output.WriteVerbose($"Removing the container '{container.Name}'.");
                if (ProjectContainers.IsUp(container))
                {
                    await engine.Client.Containers.StopAsync(container.Id, Timeout, cancellationToken);
                }

                await engine.Client.Containers.RemoveAsync(container.Id, force: true, cancellationToken: cancellationToken);
            }

            foreach (string network in networks)
            {
                output.WriteVerbose($"Removing the network '{network}'.");
                await engine.Client.Networks.RemoveAsync(network, cancellationToken);
            }

            foreach (string volume in volumes)
            {
                output.WriteVerbose($"Removing the volume '{volume}'.");
                await engine.Client.Volumes.RemoveAsync(volume, cancellationToken: cancellationToken);
            }

            if (before != null)
            {
                output.WriteObject(before);
            }
        }
    }
}
