using System.Collections;
using System.Management.Automation;
using Containers.Commands.Services;
using Containers.Models;
using Containers.Output;
using Containers.PowerShell.Completers;

namespace Containers.PowerShell.Cmdlets.Services
{
    /// <summary>Get-ContainerService: docker service ls as objects, with running and desired task counts.</summary>
    [Cmdlet(VerbsCommon.Get, "ContainerService")]
    [OutputType(typeof(ContainerService))]
    public sealed class GetContainerServiceCmdlet : ContainersCmdlet
    {
        /// <summary>Service names, ids or id prefixes, or wildcards on names.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ServiceName")]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ServiceNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>Only services with these labels: KEY or KEY=VALUE.</summary>
        [Parameter]
        public string[]? Label { get; set; }

        /// <summary>Only replicated or only global services.</summary>
        [Parameter]
        public ContainerServiceMode? Mode { get; set; }

        /// <summary>The engine's filters, for example @{ name = 'web' } (a prefix match).</summary>
        [Parameter]
        public Hashtable? Filter { get; set; }

        /// <summary>Only the services of this stack (docker stack services).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(StackNameCompleter))]
        public string? Stack { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new GetContainerServiceCommand { Name = WithoutPipedHostName(Name), Label = Label, Mode = Mode, Filter = Filter, Stack = Stack }
                .ExecuteAsync(SelectEngine(), output, cancellationToken);
    }
}
