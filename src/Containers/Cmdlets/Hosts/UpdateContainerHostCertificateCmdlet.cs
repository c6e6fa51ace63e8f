using System.Management.Automation;
using Containers.Commands.Hosts;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Hosts
{
    /// <summary>
    /// Update-ContainerHostCertificate: issues hosts new server certificates for their current (or a new) address and
    /// restarts their engines to serve them (docker-machine regenerate-certs).
    /// </summary>
    [Cmdlet(VerbsData.Update, "ContainerHostCertificate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ContainerHost))]
    public sealed class UpdateContainerHostCertificateCmdlet : HostTargetCmdlet
    {
        /// <summary>The host's new IP address or DNS name; the engine is reached there from now on. One host only.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Address { get; set; }

        /// <summary>Return each host with its state afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new UpdateContainerHostCertificateCommand(HostCommandContext.ForProcess()) { Name = Name, Address = Address, PassThru = PassThru }
                .ExecuteAsync(output, cancellationToken);
    }
}
