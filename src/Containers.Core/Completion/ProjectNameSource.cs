using Containers.Commands.Projects;
using Containers.Models;

namespace Containers.Completion
{
    /// <summary>Compose project names, from the labels on the engine's containers.</summary>
    public static class ProjectNameSource
    {
        public static async Task<IReadOnlyList<CompletionCandidate>> ListAsync(ContainerEngine engine, CancellationToken cancellationToken)
        {
            List<ContainerProject> projects = await ProjectContainers.ProjectsAsync(engine, null, cancellationToken);
            return projects.Select(project => new CompletionCandidate(project.Name, $"{project.Name}: {project.Status}")).ToArray();
        }
    }
}
