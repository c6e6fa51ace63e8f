using System.Management.Automation;
using Containers.Commands.Projects;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Projects
{
    /// <summary>Stop-ContainerProject: docker compose stop; the project's containers stop, newest first.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "ContainerProject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = ByName)]
    [OutputType(typeof(ContainerProject))]
    public sealed class StopContainerProjectCmdlet : ProjectTargetCmdlet
    {
        /// <summary>Return the project after stopping it.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            ExecuteAsync(new StopContainerProjectCommand { Timeout = Timeout, PassThru = PassThru }, output, cancellationToken);
    }
}
