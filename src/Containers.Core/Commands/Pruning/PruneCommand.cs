using Containers.Engine.Endpoints;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;

namespace Containers.Commands.Pruning
{
    /// <summary>
    /// The shape every prune (Remove-Container -Stopped, Remove-ContainerImage/-Network/-Volume -Unused) shares: read
    /// the filters, ask once for the whole prune (<see cref="PruneConfirmation"/>, unless -Force), let the engine remove
    /// what they match, and return one <see cref="PruneResult"/>. A prune gives its words, its own filters and the call.
    /// </summary>
    public abstract class PruneCommand
    {
        /// <summary>Only objects with these labels ('key' or 'key=value'), as docker's prune --filter label= reads them.</summary>
        public IReadOnlyList<string>? Label { get; set; }

        /// <summary>-Force: remove without the question a prune asks (see <see cref="PruneConfirmation"/>).</summary>
        public bool Force { get; set; }

        /// <summary>What the prune removes, as the question names it: "all stopped containers", "dangling images labelled a=b".</summary>
        protected abstract string Which { get; }

        /// <summary>" labelled a, b=c" when -Label narrows the prune, else nothing.</summary>
        protected string Labelled => HasLabels ? " labelled " + string.Join(", ", Label) : string.Empty;

        protected bool HasLabels => Label != null && Label.Count > 0;

        public async Task ExecuteAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken)
        {
            // Every value is read before the question, so a bad one is an error and not a question, and never follows a yes.
            var filters = new Filters();
            AddFilters(filters);
            FilterArguments.AddLabels(filters, Label);
            if (!await CanPruneAsync(engine, output, cancellationToken))
            {
                return;
            }

            if (!PruneConfirmation.Confirm(output, $"{Which} on {engine.Name}", engine.Name, Force))
            {
                return;
            }

            output.WriteObject(await PruneAsync(engine, filters, output, cancellationToken));
        }

        /// <summary>The prune's own filters, besides the labels.</summary>
        protected virtual void AddFilters(Filters filters)
        {
        }

        /// <summary>Whether this engine can do the prune as asked; a refusal is reported here, before the question.</summary>
        protected virtual Task<bool> CanPruneAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken) =>
            Task.FromResult(true);

        protected abstract Task<PruneResult> PruneAsync(ContainerEngine engine, Filters filters, ICommandOutput output, CancellationToken cancellationToken);

        /// <summary>Says what was removed, one verbose line each ("Removed volume data."), and returns it.</summary>
        protected static string[] Removed(ICommandOutput output, string noun, IEnumerable<string>? removed)
        {
            string[] all = removed?.ToArray() ?? new string[0];
            foreach (string item in all)
            {
                output.WriteVerbose($"Removed {noun} {item}.");
            }

            return all;
        }
    }
}
