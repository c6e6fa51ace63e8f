using System.Management.Automation;
using Containers.Commands.Registries;
using Containers.Models;
using Containers.Output;
using Containers.PowerShell.Hosting;

namespace Containers.PowerShell.Cmdlets.Registries
{
    /// <summary>Disconnect-ContainerRegistry: docker logout. Removes the stored login, for this module and the docker CLI alike; Docker Hub's when no -Registry is named.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "ContainerRegistry", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ContainerRegistry))]
    public sealed class DisconnectContainerRegistryCmdlet : StoredRegistryCmdlet
    {
        /// <summary>Return each login removed, as it was.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new DisconnectRegistryCommand(RegistryLogins.Store) { Registry = Registry, PassThru = PassThru }.ExecuteAsync(output, cancellationToken);
    }
}
