using Containers.Engine.Models;

namespace Containers.Models
{
    /// <summary>
    /// An image just pulled from or pushed to a registry, under the name it went by, with <see cref="ContainerImage.Digest"/>
    /// set to the digest the registry knows that manifest by (a push's own result, or the digest pulled), not whichever
    /// digest the engine happens to list first.
    /// </summary>
    public sealed class ImageWithRegistryDigest : ContainerImage
    {
        /// <param name="repository">The repository it went to or came from; null with <paramref name="tag"/> for a digest pull that left no tag there.</param>
        internal ImageWithRegistryDigest(ImageInspect inspect, ContainerEngine engine, string? repository, string? tag, string digest)
        {
            string[] tags = (inspect.RepoTags ?? new List<string>()).ToArray();
            string[] digests = (inspect.RepoDigests ?? new List<string>()).ToArray();
            Fill(inspect, engine, repository, tag, tags, digests);
            Digest = digest;
        }
    }
}
