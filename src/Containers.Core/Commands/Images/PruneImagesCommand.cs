using Containers.Commands.Pruning;
using Containers.Engine.Endpoints;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Images
{
    /// <summary>
    /// Remove-ContainerImage -Unused: docker image prune. Dangling images (no name, no child) by default; with -All every
    /// image no container uses, as docker image prune -a. One question for the whole prune, asked unless -Force (see PruneConfirmation).
    /// </summary>
    public sealed class PruneImagesCommand : PruneCommand
    {
        /// <summary>Every unused image, not only the dangling ones.</summary>
        public bool All { get; set; }

        protected override string Which => (All ? "all unused images" : "dangling images") + Labelled;

        protected override void AddFilters(Filters filters)
        {
            if (All)
            {
                // The engine prunes dangling images only unless told dangling=false.
                filters.Add("dangling", "false");
            }
        }

        protected override async Task<PruneResult> PruneAsync(ContainerEngine engine, Filters filters, ICommandOutput output, CancellationToken cancellationToken)
        {
            ImagePruneResponse response = await engine.Client.Images.PruneAsync(filters, cancellationToken);
            List<ImageDeleteResponseItem> items = response.ImagesDeleted ?? new List<ImageDeleteResponseItem>();
            foreach (ImageDeleteResponseItem item in items)
            {
                output.WriteVerbose(item.Untagged != null ? $"Untagged {item.Untagged}." : $"Deleted {item.Deleted}.");
            }

            return new PruneResult(
                "Image",
                items.Where(item => item.Deleted != null).Select(item => item.Deleted!).ToArray(),
                response.SpaceReclaimed,
                items.Where(item => item.Untagged != null).Select(item => item.Untagged!).ToArray());
        }
    }
}
