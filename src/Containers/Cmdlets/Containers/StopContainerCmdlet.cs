using System.Management.Automation;
using Containers.Commands.Containers;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Containers
{
    /// <summary>Stop-Container: SIGTERM then SIGKILL after -Timeout; -Force kills at once.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "Container", SupportsShouldProcess = true, DefaultParameterSetName = ByName)]
    [OutputType(typeof(Container))]
    public sealed class StopContainerCmdlet : ContainerTargetCmdlet
    {
        /// <summary>Seconds to wait for the container to stop before killing it (the container's own setting, 10 by default, otherwise).</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? Timeout { get; set; }

        /// <summary>Kill at once instead of asking the process to stop.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Return the container afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            ExecuteAsync(new StopContainerCommand { PassThru = PassThru, Timeout = Timeout, Force = Force }, output, cancellationToken);
    }
}
