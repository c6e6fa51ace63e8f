using Containers.Compose;

namespace Containers.Commands.Projects
{
    /// <summary>The project a set of compose files makes, for the cmdlets that take -Path instead of -Name.</summary>
    public static class ProjectFiles
    {
        /// <summary>
        /// The project's name as Start-ContainerProject would give it: read from the files (their name:, else their
        /// folder's name), unless <paramref name="projectName"/> says otherwise. A file error is the reader's.
        /// </summary>
        public static string NameOf(IReadOnlyList<string> paths, string? projectName, string? workingDirectory) =>
            ComposeReader.Read(paths, new ComposeReadOptions { ProjectName = projectName, WorkingDirectory = paths.Count == 0 ? workingDirectory : null }).Name;
    }
}
