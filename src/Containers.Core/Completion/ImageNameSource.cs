using Containers.Engine.Endpoints;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Text;

namespace Containers.Completion
{
    /// <summary>Image names as repository:tag, one per tag; untagged (dangling) images have no name to offer.</summary>
    public static class ImageNameSource
    {
        private const string Untagged = "<none>:<none>";

        public static async Task<IReadOnlyList<CompletionCandidate>> ListAsync(ContainerEngine engine, CancellationToken cancellationToken)
        {
            List<ImageSummary> images = await engine.Client.Images.ListAsync(new ImageListParameters(), cancellationToken);
            return images
                .SelectMany(image => (image.RepoTags ?? new List<string>())
                    .Where(tag => tag.Length > 0 && tag != Untagged)
                    .Select(tag => new CompletionCandidate(tag, $"{tag}: {ContainerImage.ShortIdOf(image.Id)}, {ByteSize.Format(image.Size)}")))
                .ToArray();
        }
    }
}
