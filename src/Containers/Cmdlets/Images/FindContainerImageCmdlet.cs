using System.Collections;
using System.Management.Automation;
using Containers.Commands.Images;
using Containers.Models;
using Containers.Output;
using Containers.PowerShell.Hosting;

namespace Containers.PowerShell.Cmdlets.Images
{
    /// <summary>Find-ContainerImage: docker search, through the engine.</summary>
    [Cmdlet(VerbsCommon.Find, "ContainerImage")]
    [OutputType(typeof(ContainerImageSearchResult))]
    public sealed class FindContainerImageCmdlet : ContainersCmdlet
    {
        /// <summary>What to search for; starting with a registry host searches that registry.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Term { get; set; } = string.Empty;

        /// <summary>At most this many results, 1 to 100 (25 when not given).</summary>
        [Parameter]
        [ValidateRange(1, 100)]
        public int? Limit { get; set; }

        /// <summary>The engine's search filters: @{ stars = 100; 'is-official' = $true }.</summary>
        [Parameter]
        public Hashtable? Filter { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new FindImageCommand(RegistryLogins.Store) { Term = Term, Limit = Limit, Filter = Filter }
                .ExecuteAsync(SelectEngine(), output, cancellationToken);
    }
}
