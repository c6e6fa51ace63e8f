using System.Management.Automation;
using Containers.Commands.Containers;
using Containers.Models;
using Containers.Output;
using Containers.PowerShell.Completers;

namespace Containers.PowerShell.Cmdlets.Containers
{
    /// <summary>
    /// Get-ContainerStatistics: docker stats. One reading per container, or with -Stream a reading per second per
    /// container until Ctrl+C. Naming no container reads every running one.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ContainerStatistics", DefaultParameterSetName = ByName)]
    [OutputType(typeof(ContainerStatistics))]
    public sealed class GetContainerStatisticsCmdlet : ContainersCmdlet
    {
        private const string ByName = "Name";
        private const string ByObject = "Container";

        // Every record's containers, read together at the end: -Stream has to read all the streams at once, and even
        // single readings cost the engine's priming second only once when they are taken together.
        private readonly List<(ContainerEngine Engine, IReadOnlyList<string>? Targets)> _groups = new List<(ContainerEngine, IReadOnlyList<string>?)>();

        /// <summary>Names or ids of containers; wildcards match names. None means every running container.</summary>
        [Parameter(Position = 0, ParameterSetName = ByName, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "ContainerId", "ContainerName")]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ContainerNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Container objects, as Get-Container returns them.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByObject, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Container[] Container { get; set; } = new Container[0];

        /// <summary>Keep reading, a reading per second per container, until stopped (Ctrl+C).</summary>
        [Parameter]
        public SwitchParameter Stream { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            if (ParameterSetName != ByObject)
            {
                _groups.Add((SelectEngine(), Name?.Where(name => !string.IsNullOrEmpty(name)).ToList()));
            }
            else if (EngineGiven)
            {
                _groups.Add((SingleGivenEngine()!, Container.Select(c => c.Id).ToList()));
            }
            else
            {
                foreach (IGrouping<ContainerEngine?, Container> group in Container.GroupBy(c => c.Engine))
                {
                    _groups.Add((group.Key ?? SelectEngine(), group.Select(c => c.Id).ToList()));
                }
            }

            return Task.CompletedTask;
        }

        protected override Task EndProcessingAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new GetContainerStatisticsCommand { Stream = Stream }.ExecuteAsync(_groups, output, cancellationToken);
    }
}
