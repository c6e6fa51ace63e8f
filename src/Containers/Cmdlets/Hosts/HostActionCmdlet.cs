using System.Management.Automation;
using Containers.Commands.Hosts;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Hosts
{
    /// <summary>
    /// Start-, Stop- and Restart-ContainerHost: the same parameters and the same command, differing only in what the
    /// host's driver is asked to do; each cmdlet names its <see cref="HostAction"/>.
    /// </summary>
    public abstract class HostActionCmdlet : HostTargetCmdlet
    {
        /// <summary>Return each host with its state afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>What the host's driver is asked to do.</summary>
        protected abstract HostAction Action { get; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new HostActionCommand(HostCommandContext.ForProcess(), Action) { Name = Name, PassThru = PassThru }.ExecuteAsync(output, cancellationToken);
    }
}
