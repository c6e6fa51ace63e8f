using System.Collections;
using System.Management.Automation;
using Containers.Commands.Networks;
using Containers.Models;
using Containers.Output;
using Containers.PowerShell.Completers;

namespace Containers.PowerShell.Cmdlets.Networks
{
    /// <summary>Get-ContainerNetwork: docker network ls and inspect as objects.</summary>
    [Cmdlet(VerbsCommon.Get, "ContainerNetwork", DefaultParameterSetName = "Name")]
    [OutputType(typeof(ContainerNetwork))]
    public sealed class GetContainerNetworkCmdlet : ContainersCmdlet
    {
        /// <summary>Network names (wildcards allowed) or ids.</summary>
        [Parameter(Position = 0, ParameterSetName = "Name", ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("NetworkName")]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>Network ids or id prefixes.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "Id", ValueFromPipelineByPropertyName = true)]
        [Alias("NetworkId")]
        public string[]? Id { get; set; }

        /// <summary>Only networks of these drivers: bridge, overlay, macvlan, ...</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Driver { get; set; }

        /// <summary>The engine's filters, for example @{ scope = 'local'; type = 'custom' }.</summary>
        [Parameter]
        public Hashtable? Filter { get; set; }

        /// <summary>Only networks with these labels: KEY or KEY=VALUE.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Label { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new GetContainerNetworkCommand { Name = WithoutPipedHostName(Name), Id = Id, Driver = Driver, Filter = Filter, Label = Label }
                .ExecuteAsync(SelectEngine(), output, cancellationToken);
    }
}
