using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Containers.Engine.Endpoints;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;

namespace Containers.Commands.Images
{
    /// <summary>
    /// Remove-ContainerImage -Unused: docker image prune. Dangling images (no name, no child) by default; with -All every
    /// image no container uses, as docker image prune -a. One question for the whole prune, asked unless -Force (see PruneConfirmation).
    /// </summary>
    public sealed class PruneImagesCommand
    {
        /// <summary>Every unused image, not only the dangling ones.</summary>
        public bool All { get; set; }

        /// <summary>Only images with these labels ('key' or 'key=value'), as docker image prune --filter label= reads them.</summary>
        public IReadOnlyList<string>? Label { get; set; }

        /// <summary>-Force: remove without the question a prune asks (see <see cref="PruneConfirmation"/>).</summary>
        public bool Force { get; set; }

        public async Task ExecuteAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken)
        {
            var filters = new Filters();
            FilterArguments.AddLabels(filters, Label);
            if (All)
            {
                // The engine prunes dangling images only unless told dangling=false.
                filters.Add("dangling", "false");
            }

            string which = (All ? "all unused images" : "dangling images")
                + (Label == null || Label.Count == 0 ? string.Empty : " labelled " + string.Join(", ", Label));
            if (!PruneConfirmation.Confirm(output, $"{which} on {engine.Name}", engine.Name, Force))
            {
                return;
            }

            ImagePruneResponse response = await engine.Client.Images.PruneAsync(filters, cancellationToken);
            List<ImageDeleteResponseItem> items = response.ImagesDeleted ?? new List<ImageDeleteResponseItem>();
            foreach (ImageDeleteResponseItem item in items)
            {
                output.WriteVerbose(item.Untagged != null ? $"Untagged {item.Untagged}." : $"Deleted {item.Deleted}.");
            }

            output.WriteObject(new PruneResult(
                "Image",
                items.Where(item => item.Deleted != null).Select(item => item.Deleted!).ToArray(),
                response.SpaceReclaimed,
                items.Where(item => item.Untagged != null).Select(item => item.Untagged!).ToArray()));
        }
    }
}
