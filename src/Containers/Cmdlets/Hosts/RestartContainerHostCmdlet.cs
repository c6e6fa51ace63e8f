using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Containers.Commands.Hosts;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Hosts
{
    /// <summary>Restart-ContainerHost: stops and starts the engine of hosts.</summary>
    [Cmdlet(VerbsLifecycle.Restart, "ContainerHost", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ContainerHost))]
    public sealed class RestartContainerHostCmdlet : HostTargetCmdlet
    {
        /// <summary>Return each host with its state afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new HostActionCommand(HostCommandContext.ForProcess(), HostAction.Restart) { Name = Name, PassThru = PassThru }.ExecuteAsync(output, cancellationToken);
    }
}
