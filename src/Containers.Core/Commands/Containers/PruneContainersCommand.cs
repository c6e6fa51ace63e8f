using System;
using System.Threading;
using System.Threading.Tasks;
using Containers.Engine.Endpoints;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;

namespace Containers.Commands.Containers
{
    /// <summary>Remove-Container -Stopped: docker container prune.</summary>
    public sealed class PruneContainersCommand
    {
        /// <summary>Only containers stopped before this long ago, as the engine's <c>until</c> filter reads it ("24h").</summary>
        public string? OlderThan { get; set; }

        /// <summary>Only containers with these labels ('key' or 'key=value'), as docker container prune --filter label= reads them.</summary>
        public System.Collections.Generic.IReadOnlyList<string>? Label { get; set; }

        public async Task ExecuteAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken)
        {
            string which = Label == null || Label.Count == 0 ? "all stopped containers" : $"stopped containers labelled {string.Join(", ", Label)}";
            if (!output.ShouldProcess($"{which} on {engine.Name}", "Remove"))
            {
                return;
            }

            var filters = new Filters();
            if (!string.IsNullOrEmpty(OlderThan))
            {
                filters.Add("until", OlderThan!);
            }

            FilterArguments.AddLabels(filters, Label);

            ContainerPruneResponse response = await engine.Client.Containers.PruneAsync(filters, cancellationToken);
            foreach (string id in response.ContainersDeleted ?? new System.Collections.Generic.List<string>())
            {
                output.WriteVerbose($"Removed container {id}.");
            }

            output.WriteObject(new PruneResult("Container", response.ContainersDeleted?.ToArray() ?? Array.Empty<string>(), response.SpaceReclaimed));
        }
    }
}
