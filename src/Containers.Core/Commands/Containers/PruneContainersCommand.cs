using System;
using System.Threading;
using System.Threading.Tasks;
using Containers.Engine.Endpoints;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;
using Containers.Text;

namespace Containers.Commands.Containers
{
    /// <summary>Remove-Container -Stopped: docker container prune.</summary>
    public sealed class PruneContainersCommand
    {
        /// <summary>Only containers created before this: a DateTime, a TimeSpan, or a duration back from now such as '24h'.</summary>
        public object? OlderThan { get; set; }

        /// <summary>Only containers with these labels ('key' or 'key=value'), as docker container prune --filter label= reads them.</summary>
        public System.Collections.Generic.IReadOnlyList<string>? Label { get; set; }

        /// <summary>-Force: remove without the question a prune asks (see <see cref="PruneConfirmation"/>).</summary>
        public bool Force { get; set; }

        public async Task ExecuteAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken)
        {
            // Read before asking, so a bad -OlderThan is an error and not a question.
            var filters = new Filters();
            if (OlderThan != null)
            {
                filters.Add("until", TimeArgument.ToEngineTime(OlderThan, "OlderThan", DateTime.Now));
            }

            FilterArguments.AddLabels(filters, Label);

            string which = Label == null || Label.Count == 0 ? "all stopped containers" : $"stopped containers labelled {string.Join(", ", Label)}";
            if (OlderThan != null)
            {
                which += $" created before {OlderThan}";
            }

            if (!PruneConfirmation.Confirm(output, $"{which} on {engine.Name}", engine.Name, Force))
            {
                return;
            }

            ContainerPruneResponse response = await engine.Client.Containers.PruneAsync(filters, cancellationToken);
            foreach (string id in response.ContainersDeleted ?? new System.Collections.Generic.List<string>())
            {
                output.WriteVerbose($"Removed container {id}.");
            }

            output.WriteObject(new PruneResult("Container", response.ContainersDeleted?.ToArray() ?? Array.Empty<string>(), response.SpaceReclaimed));
        }
    }
}
