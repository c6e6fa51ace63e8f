using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Containers.Commands.Hosts;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Hosts
{
    /// <summary>Start-ContainerHost: starts the engine (and machine) of hosts and waits until the engine answers.</summary>
    [Cmdlet(VerbsLifecycle.Start, "ContainerHost", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ContainerHost))]
    public sealed class StartContainerHostCmdlet : HostTargetCmdlet
    {
        /// <summary>Return each host with its state afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new HostActionCommand(HostCommandContext.ForProcess(), HostAction.Start) { Name = Name, PassThru = PassThru }.ExecuteAsync(output, cancellationToken);
    }
}
