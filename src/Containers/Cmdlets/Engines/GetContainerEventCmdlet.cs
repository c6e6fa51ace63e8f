using System.Collections;
using System.Management.Automation;
using Containers.Commands.Engines;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.PowerShell.Completers;

namespace Containers.PowerShell.Cmdlets.Engines
{
    /// <summary>
    /// Get-ContainerEvent: docker events as objects. Piped containers (or names) are gathered first and read as one
    /// container filter at the end, since a followed stream never ends to let the next record in.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ContainerEvent")]
    [OutputType(typeof(ContainerEvent))]
    public sealed class GetContainerEventCmdlet : ContainersCmdlet
    {
        /// <summary>Events are read from one engine at a time.</summary>
        protected override bool ActsOnManyEngines => false;

        private readonly List<string> _containers = new List<string>();
        private ContainerEngine? _engine;

        /// <summary>Only events of these containers: names or ids, or container objects piped in.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ContainerId", "ContainerName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ContainerNameCompleter))]
        public string[]? Container { get; set; }

        /// <summary>Events from this time on: a DateTime, a date, a TimeSpan or a duration back from now such as 10m.</summary>
        [Parameter]
        public object? Since { get; set; }

        /// <summary>Events up to this time, in the same forms. Without -Follow it defaults to now.</summary>
        [Parameter]
        public object? Until { get; set; }

        /// <summary>The engine's event filters, as docker events --filter takes them: @{ type = 'container'; event = 'start', 'die' }.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(EventFilterCompleter))]
        public Hashtable? Filter { get; set; }

        /// <summary>Keep streaming new events until stopped (Ctrl+C) or until -Until passes.</summary>
        [Parameter]
        public SwitchParameter Follow { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            ContainerEngine engine = SelectEngine();
            if (_engine != null && !string.Equals(_engine.Uri, engine.Uri, StringComparison.Ordinal))
            {
                throw new InvalidParameterException("Engine", engine.Name,
                    $"Events are read from one engine at a time, and the input names both {_engine.Name} and {engine.Name}: run Get-ContainerEvent once per engine.");
            }

            _engine = engine;
            _containers.AddRange(Container ?? Array.Empty<string>());
            return Task.CompletedTask;
        }

        protected override Task EndProcessingAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new GetContainerEventCommand
            {
                Since = Since,
                Until = Until,
                Follow = Follow,
                Filter = Filter,
                Container = _containers,
            }.ExecuteAsync(_engine ?? SelectEngine(), output, cancellationToken);
    }
}
