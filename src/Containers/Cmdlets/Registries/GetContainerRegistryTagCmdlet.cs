using System.Management.Automation;
using Containers.Commands.Registries;
using Containers.Engine.Registries;
using Containers.Models;
using Containers.Output;
using Containers.PowerShell.Hosting;

namespace Containers.PowerShell.Cmdlets.Registries
{
    /// <summary>Get-ContainerRegistryTag: a repository's tags, from its registry's v2 API.</summary>
    [Cmdlet(VerbsCommon.Get, "ContainerRegistryTag")]
    [OutputType(typeof(ContainerRegistryTag))]
    public sealed class GetContainerRegistryTagCmdlet : ContainersCmdlet
    {
        /// <summary>The registry is asked directly: -Engine is accepted (piped objects bind it) and not used.</summary>
        protected override bool UsesEngine => false;

        /// <summary>Repositories: [registry/]path, as in an image reference (a tag in it is ignored).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Repository")]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = new string[0];

        /// <summary>Only tags that match (wildcards allowed).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[]? Tag { get; set; }

        /// <summary>The registry login to use instead of the stored one.</summary>
        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new GetRegistryTagCommand(RegistryLogins.Store, new RegistryClient()) { Tag = Tag, Credential = RegistryLogins.From(Credential) }
                .ExecuteAsync(Name, output, cancellationToken);
    }
}
