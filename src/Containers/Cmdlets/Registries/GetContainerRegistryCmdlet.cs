using System.Management.Automation;
using Containers.Commands.Registries;
using Containers.Models;
using Containers.Output;
using Containers.PowerShell.Hosting;

namespace Containers.PowerShell.Cmdlets.Registries
{
    /// <summary>Get-ContainerRegistry: the registries with a stored login (shared with the docker CLI), without their secrets; all of them when no -Registry is named.</summary>
    [Cmdlet(VerbsCommon.Get, "ContainerRegistry")]
    [OutputType(typeof(ContainerRegistry))]
    public sealed class GetContainerRegistryCmdlet : StoredRegistryCmdlet
    {
        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new GetRegistryCommand(RegistryLogins.Store) { Registry = Registry }.ExecuteAsync(output, cancellationToken);
    }
}
