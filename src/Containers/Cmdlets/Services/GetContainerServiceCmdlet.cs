using System.Collections;
using System.Management.Automation;
using Containers.Commands.Services;
using Containers.Models;
using Containers.Output;
using Containers.PowerShell.Completers;

namespace Containers.PowerShell.Cmdlets.Services
{
    /// <summary>
    /// Get-ContainerService: docker service ls as objects, with running and desired task counts; given stack objects
    /// (Get-ContainerStack web | Get-ContainerService), docker stack services, each stack on its own engine.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ContainerService", DefaultParameterSetName = ByName)]
    [OutputType(typeof(ContainerService))]
    public sealed class GetContainerServiceCmdlet : ContainersCmdlet
    {
        private const string ByName = "Name";
        private const string ByStackObject = "StackObject";

        /// <summary>Service names, ids or id prefixes, or wildcards on names.</summary>
        [Parameter(Position = 0, ParameterSetName = ByName, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
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
        [Parameter(ParameterSetName = ByName)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(StackNameCompleter))]
        public string? Stack { get; set; }

        /// <summary>
        /// Stack objects, as Get-ContainerStack returns them: the services of each. Piped stacks bind here by value,
        /// before -Name could take their Name by property name.
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = ByStackObject, ValueFromPipeline = true)]
        [ValidateNotNull]
        public ContainerStack[] StackObject { get; set; } = new ContainerStack[0];

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            if (ParameterSetName != ByStackObject)
            {
                return Command(Stack, WithoutPipedHostName(Name)).ExecuteAsync(SelectEngine(), output, cancellationToken);
            }

            return ForEachEngineAsync(true, Array.Empty<string>(), StackObject, stack => stack.Engine, stack => stack.Name, async (engine, stacks) =>
            {
                foreach (string stack in stacks)
                {
                    await Command(stack, null).ExecuteAsync(engine, output, cancellationToken);
                }
            });
        }

        private GetContainerServiceCommand Command(string? stack, string[]? name) =>
            new GetContainerServiceCommand { Name = name, Label = Label, Mode = Mode, Filter = Filter, Stack = stack };
    }
}
