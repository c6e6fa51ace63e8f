using Containers.Engine.Endpoints;
using Containers.Text;

namespace Containers.Commands.Pruning
{
    /// <summary>A prune that -OlderThan narrows too (containers, networks): the engine's "until" filter.</summary>
    public abstract class DatedPruneCommand : PruneCommand
    {
        /// <summary>Only objects created before this: a DateTime, a TimeSpan, or a duration back from now such as '24h'.</summary>
        public object? OlderThan { get; set; }

        /// <summary>What is pruned when no label narrows it: "stopped containers", "unused networks".</summary>
        protected abstract string Kind { get; }

        protected override string Which =>
            (HasLabels ? Kind + Labelled : "all " + Kind) + (OlderThan != null ? $" created before {OlderThan}" : string.Empty);

        protected override void AddFilters(Filters filters)
        {
            if (OlderThan != null)
            {
                filters.Add("until", TimeArgument.ToEngineTime(OlderThan, "OlderThan", DateTime.Now));
            }
        }
    }
}
