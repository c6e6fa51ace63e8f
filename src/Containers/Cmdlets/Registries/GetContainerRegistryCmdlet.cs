using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Containers.Commands.Registries;
using Containers.Models;
using Containers.Output;
using Containers.PowerShell.Hosting;

namespace Containers.PowerShell.Cmdlets.Registries
{
    /// <summary>Get-ContainerRegistry: the registries with a stored login (shared with the docker CLI), without their secrets.</summary>
    [Cmdlet(VerbsCommon.Get, "ContainerRegistry")]
    [OutputType(typeof(ContainerRegistry))]
    public sealed class GetContainerRegistryCmdlet : ContainersCmdlet
    {
        /// <summary>Only these registries (host, docker.io, or the key of a login); wildcards allowed.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ServerAddress")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[]? Registry { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new GetRegistryCommand(RegistryLogins.Store) { Registry = Registry }.ExecuteAsync(output, cancellationToken);
    }
}
