using System.Management.Automation;
using Containers.Commands.Containers;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Containers
{
    /// <summary>Wait-Container: waits until containers stop and returns their exit codes.</summary>
    [Cmdlet(VerbsLifecycle.Wait, "Container", DefaultParameterSetName = ByName)]
    [OutputType(typeof(ContainerWaitResult))]
    public sealed class WaitContainerCmdlet : ContainerTargetCmdlet
    {
        /// <summary>NotRunning (default), NextExit or Removed.</summary>
        [Parameter]
        public WaitCondition Condition { get; set; } = WaitCondition.NotRunning;

        /// <summary>Seconds to wait for each container before giving up with an error.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? Timeout { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            ExecuteAsync(new WaitContainerCommand { Condition = Condition, Timeout = Timeout }, output, cancellationToken);
    }
}
