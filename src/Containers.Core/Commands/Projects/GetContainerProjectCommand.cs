using Containers.Models;
using Containers.Output;
using Containers.Text;

namespace Containers.Commands.Projects
{
    /// <summary>
    /// Get-ContainerProject: docker compose ls -a. The projects are read from their containers' labels (stopped ones
    /// included), each with its status, files, services and containers. A name without a wildcard that matches no
    /// project is ContainerProjectNotFound; a wildcard that matches none is not an error.
    /// </summary>
    public sealed class GetContainerProjectCommand
    {
        public IReadOnlyList<string>? Name { get; set; }

        public async Task ExecuteAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken)
        {
            List<ContainerProject> projects = await ProjectContainers.ProjectsAsync(engine, null, cancellationToken);
            if (Name == null || Name.Count == 0)
            {
                projects.ForEach(output.WriteObject);
                return;
            }

            var written = new HashSet<string>(StringComparer.Ordinal);
            foreach (string name in Name)
            {
                var pattern = new Wildcard(name);
                List<ContainerProject> matched = projects.Where(project => pattern.IsMatch(project.Name)).ToList();
                if (matched.Count == 0 && !Wildcard.ContainsWildcard(name))
                {
                    output.WriteError(ProjectTargets.Kind.Classify(ProjectTargets.NotFound(name), name));
                }

                foreach (ContainerProject project in matched.Where(project => written.Add(project.Name)))
                {
                    output.WriteObject(project);
                }
            }
        }
    }
}
