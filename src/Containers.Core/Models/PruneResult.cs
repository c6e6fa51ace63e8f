namespace Containers.Models
{
    /// <summary>What a prune removed (-Stopped, -Unused) and how much space it gave back.</summary>
    public sealed class PruneResult
    {
        public PruneResult(string kind, IReadOnlyList<string> removed, long spaceReclaimed, IReadOnlyList<string>? untagged = null)
        {
            Kind = kind;
            Removed = removed;
            SpaceReclaimed = spaceReclaimed;
            Untagged = untagged ?? System.Array.Empty<string>();
        }

        /// <summary>Container, Image, Network or Volume.</summary>
        public string Kind { get; }

        /// <summary>The ids removed: containers, networks or volumes; for images, the images and the layers only they used.</summary>
        public IReadOnlyList<string> Removed { get; }

        /// <summary>Image prunes only: the names (repository:tag) taken off the removed images.</summary>
        public IReadOnlyList<string> Untagged { get; }

        /// <summary>Bytes.</summary>
        public long SpaceReclaimed { get; }
    }
}
