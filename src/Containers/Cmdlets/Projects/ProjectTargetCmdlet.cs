using System.Management.Automation;
using Containers.Commands.Projects;
using Containers.Models;
using Containers.PowerShell.Completers;

namespace Containers.PowerShell.Cmdlets.Projects
{
    /// <summary>
    /// The parameter sets Stop- and Remove-ContainerProject share: projects by name (wildcards allowed; a project object
    /// piped in binds its Name and Engine), or by their compose files (-Path), which name the project as
    /// Start-ContainerProject does.
    /// </summary>
    public abstract class ProjectTargetCmdlet : TargetCmdlet
    {
        protected const string ByPath = "Path";

        /// <summary>Project names; wildcards match the names of the projects on the engine.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByName, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ProjectName")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ProjectNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        /// <summary>The project's compose files; the project is named as Start-ContainerProject names it from them.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByPath)]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = new string[0];

        /// <summary>Seconds to wait for each container to stop before killing it (docker compose -t); by default its own setting: the file's stop_grace_period, else 10 s.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? Timeout { get; set; }

        protected override Task ForEachEngineAsync(Func<ContainerEngine, IReadOnlyList<string>, Task> act)
        {
            IReadOnlyList<string> names = ParameterSetName == ByPath
                ? new[] { ProjectFiles.NameOf(Path.Select(GetUnresolvedProviderPathFromPSPath).ToList(), null, null) }
                : Name;
            return ForEachEngineAsync(false, names, Array.Empty<ContainerProject>(), project => project.Engine, project => project.Name, act);
        }
    }
}
