using System.Collections;
using System.Management.Automation;
using Containers.Commands.Engines;
using Containers.Commands.Fleet;
using Containers.Models;
using Containers.Output;
using Containers.PowerShell.Completers;

namespace Containers.PowerShell.Cmdlets.Engines
{
    /// <summary>
    /// Get-ContainerEvent: docker events as objects. Piped containers (or names) are gathered first and read as one
    /// container filter at the end, since a followed stream never ends to let the next record in. With several engines their
    /// events are read at once, as they come.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ContainerEvent")]
    [OutputType(typeof(ContainerEvent))]
    public sealed class GetContainerEventCmdlet : ContainersCmdlet
    {
        private readonly List<string> _containers = new List<string>();
        private readonly List<ContainerEngine> _engines = new List<ContainerEngine>();

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
            // With several engines each record runs once per engine: every engine's events are read, together, at the end.
            ContainerEngine engine = SelectEngine();
            if (!_engines.Contains(engine))
            {
                _engines.Add(engine);
            }

            // Each name once, though every engine's run of the record brings it.
            _containers.AddRange((Container ?? Array.Empty<string>()).Where(name => !_containers.Contains(name)).ToList());

            return Task.CompletedTask;
        }

        protected override Task EndProcessingAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            var command = new GetContainerEventCommand
            {
                Since = Since,
                Until = Until,
                Follow = Follow,
                Filter = Filter,
                Container = _containers,
            };
            IReadOnlyList<ContainerEngine> engines = _engines.Count == 0 ? new[] { SelectEngine() } : _engines;
            return engines.Count == 1
                ? command.ExecuteAsync(engines[0], output, cancellationToken)
                : EngineFleet.RunAsync(engines, ThrottleLimit, output, command.ExecuteAsync, cancellationToken);
        }
    }
}
