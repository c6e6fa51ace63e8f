using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Containers.Engine.Endpoints;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;
using Containers.Text;

namespace Containers.Commands.Networks
{
    /// <summary>Remove-ContainerNetwork -Unused: docker network prune. The engine never prunes its predefined networks.</summary>
    public sealed class PruneNetworksCommand
    {
        /// <summary>Only networks created before this: a DateTime, a date, or a duration back from now ("24h").</summary>
        public object? OlderThan { get; set; }

        /// <summary>Only networks with these labels ('key' or 'key=value').</summary>
        public IReadOnlyList<string>? Label { get; set; }

        /// <summary>-Force: remove without the question a prune asks (see <see cref="PruneConfirmation"/>).</summary>
        public bool Force { get; set; }

        public async Task ExecuteAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken)
        {
            // Every value is checked before the question, so a bad one never follows a yes.
            var filters = new Filters();
            if (OlderThan != null)
            {
                filters.Add("until", TimeArgument.ToEngineTime(OlderThan, "OlderThan", DateTime.Now));
            }

            FilterArguments.AddLabels(filters, Label);

            string which = Label == null || Label.Count == 0 ? "all unused networks" : $"unused networks labelled {string.Join(", ", Label)}";
            if (OlderThan != null)
            {
                which += $" created before {OlderThan}";
            }

            if (!PruneConfirmation.Confirm(output, $"{which} on {engine.Name}", engine.Name, Force))
            {
                return;
            }

            NetworkPruneResponse response = await engine.Client.Networks.PruneAsync(filters, cancellationToken);
            string[] removed = response.NetworksDeleted?.ToArray() ?? Array.Empty<string>();
            foreach (string name in removed)
            {
                output.WriteVerbose($"Removed network {name}.");
            }

            output.WriteObject(new PruneResult("Network", removed, 0));
        }
    }
}
