using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Containers.Commands.Hosts;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Hosts
{
    /// <summary>Stop-ContainerHost: stops the engine (or machine) of hosts.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "ContainerHost", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ContainerHost))]
    public sealed class StopContainerHostCmdlet : HostTargetCmdlet
    {
        /// <summary>Return each host with its state afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new HostActionCommand(HostCommandContext.ForProcess(), HostAction.Stop) { Name = Name, PassThru = PassThru }.ExecuteAsync(output, cancellationToken);
    }
}
