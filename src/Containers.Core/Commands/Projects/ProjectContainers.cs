using Containers.Engine.Endpoints;
using Containers.Engine.Models;
using Containers.Models;

namespace Containers.Commands.Projects
{
    /// <summary>
    /// A project's containers, found as docker compose finds them: by the project label, stopped ones included, one-off
    /// containers (docker compose run's) left out.
    /// </summary>
    public static class ProjectContainers
    {
        /// <summary>The containers of <paramref name="project"/>, or of every project when null, oldest first.</summary>
        public static async Task<List<Container>> ListAsync(ContainerEngine engine, string? project, CancellationToken cancellationToken)
        {
            var parameters = new ContainerListParameters { All = true };
            parameters.Filters.Add("label", project == null ? ContainerProjectLabels.Project : ContainerProjectLabels.Project + "=" + project);
            List<ContainerSummary> found = await engine.Client.Containers.ListAsync(parameters, cancellationToken);
            return found
                .Where(summary => summary.Labels == null || !summary.Labels.TryGetValue(ContainerProjectLabels.OneOff, out string? oneOff) || !string.Equals(oneOff, "True", StringComparison.OrdinalIgnoreCase))
                // The engine lists newest first, by its own creation time to the nanosecond (Created here is whole
                // seconds, which containers made in one second share): reversed, dependencies come first.
                .Reverse()
                .Select(summary => Container.FromSummary(summary, engine))
                .ToList();
        }

        /// <summary>Whether the container has processes to stop.</summary>
        public static bool IsUp(Container container) => container.State == "running" || container.State == "restarting" || container.State == "paused";

        /// <summary>The projects on the engine, by name, each with its containers.</summary>
        public static async Task<List<ContainerProject>> ProjectsAsync(ContainerEngine engine, string? project, CancellationToken cancellationToken)
        {
            List<Container> containers = await ListAsync(engine, project, cancellationToken);
            return containers
                .GroupBy(container => ContainerProjectLabels.Of(container, ContainerProjectLabels.Project) ?? string.Empty, StringComparer.Ordinal)
                .OrderBy(group => group.Key, StringComparer.Ordinal)
                .Select(group => ContainerProject.FromContainers(group.Key, group.ToList(), engine))
                .ToList();
        }
    }
}
