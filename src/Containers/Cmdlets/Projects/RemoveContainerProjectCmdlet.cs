using System.Management.Automation;
using Containers.Commands.Projects;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Projects
{
    /// <summary>Remove-ContainerProject: docker compose down; containers and networks go, volumes only with -Volume.</summary>
    [Cmdlet(VerbsCommon.Remove, "ContainerProject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByName)]
    [OutputType(typeof(ContainerProject))]
    public sealed class RemoveContainerProjectCmdlet : ProjectTargetCmdlet
    {
        /// <summary>Remove the project's volumes too (docker compose down --volumes): their data is lost.</summary>
        [Parameter]
        public SwitchParameter Volume { get; set; }

        /// <summary>Return each removed project, as it was before the removal.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            ExecuteAsync(new RemoveContainerProjectCommand { Volume = Volume, Timeout = Timeout, PassThru = PassThru }, output, cancellationToken);
    }
}
