using System.Collections;
using System.Management.Automation;
using Containers.Commands.Containers;
using Containers.Models;
using Containers.Output;
using Containers.PowerShell.Completers;

namespace Containers.PowerShell.Cmdlets.Containers
{
    /// <summary>Get-Container: docker ps as objects.</summary>
    [Cmdlet(VerbsCommon.Get, "Container", DefaultParameterSetName = "Name")]
    [OutputType(typeof(Container))]
    public sealed class GetContainerCmdlet : ContainersCmdlet
    {
        /// <summary>Container names (wildcards allowed) or ids. Naming containers includes stopped ones.</summary>
        [Parameter(Position = 0, ParameterSetName = "Name", ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ContainerName")]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ContainerNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>Container ids or id prefixes.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "Id", ValueFromPipelineByPropertyName = true)]
        [Alias("ContainerId")]
        public string[]? Id { get; set; }

        /// <summary>Include stopped containers (docker ps -a).</summary>
        [Parameter]
        public SwitchParameter All { get; set; }

        /// <summary>The engine's filters, for example @{ status = 'exited'; ancestor = 'nginx' }.</summary>
        [Parameter]
        public Hashtable? Filter { get; set; }

        /// <summary>Only containers with these labels: KEY or KEY=VALUE.</summary>
        [Parameter]
        public string[]? Label { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new GetContainerCommand { Name = WithoutPipedHostName(Name), Id = Id, All = All, Filter = Filter, Label = Label }
                .ExecuteAsync(SelectEngine(), output, cancellationToken);
    }
}
