using Containers.Commands.Targets;
using Containers.Engine.Errors;
using Containers.Models;

namespace Containers.Commands.Projects
{
    /// <summary>Compose projects as targets: a literal name passes through; a wildcard matches the projects' names (from their containers' labels).</summary>
    public static class ProjectTargets
    {
        /// <summary>For error ids: ContainerProjectNotFound.</summary>
        public const string Resource = "ContainerProject";

        public static readonly TargetKind Kind = new TargetKind(
            "project",
            Resource,
            TargetKind.ByName(async (engine, cancellationToken) =>
                (await ProjectContainers.ListAsync(engine, null, cancellationToken))
                    .Select(container => ContainerProjectLabels.Of(container, ContainerProjectLabels.Project)!)
                    .Distinct(StringComparer.Ordinal)));

        /// <summary>What a project with nothing on the engine is: ContainerProjectNotFound.</summary>
        public static EngineNotFoundException NotFound(string project) =>
            new EngineNotFoundException($"No compose project named '{project}' has containers on the engine.", EngineResourceKind.Unknown, project);
    }
}
