using System.Management.Automation;
using Containers.Commands.Projects;
using Containers.Models;
using Containers.Output;
using Containers.PowerShell.Completers;

namespace Containers.PowerShell.Cmdlets.Projects
{
    /// <summary>Get-ContainerProject: docker compose ls -a, each project with its services and containers.</summary>
    [Cmdlet(VerbsCommon.Get, "ContainerProject")]
    [OutputType(typeof(ContainerProject))]
    public sealed class GetContainerProjectCmdlet : ContainersCmdlet
    {
        /// <summary>Project names, or wildcards on them.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ProjectName")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProjectNameCompleter))]
        public string[]? Name { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new GetContainerProjectCommand { Name = WithoutPipedHostName(Name) }.ExecuteAsync(SelectEngine(), output, cancellationToken);
    }
}
