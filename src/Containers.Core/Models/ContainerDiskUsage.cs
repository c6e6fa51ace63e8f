namespace Containers.Models
{
    /// <summary>One line of docker system df: how much one kind of object takes, and how much of it a prune could free.</summary>
    public sealed class ContainerDiskUsage
    {
        internal ContainerDiskUsage(string type, int totalCount, int active, long size, long reclaimable, bool showsPercent)
        {
            Type = type;
            TotalCount = totalCount;
            Active = active;
            Size = size;
            Reclaimable = reclaimable;
            // docker prints no percentage for the build cache, nor for an empty total.
            ReclaimablePercent = showsPercent && size > 0 ? (int)(reclaimable * 100 / size) : (int?)null;
        }

        /// <summary>Images, Containers, Local Volumes or Build Cache, as docker names them.</summary>
        public string Type { get; }

        public int TotalCount { get; }

        /// <summary>Images used by a container, containers running (or paused, or restarting), volumes mounted, cache records in use.</summary>
        public int Active { get; }

        /// <summary>Bytes; image layers shared by several images count once.</summary>
        public long Size { get; }

        /// <summary>Bytes that removing what is not active would free.</summary>
        public long Reclaimable { get; }

        /// <summary>Reclaimable as a whole percentage of Size, rounded down as docker does; null where docker shows none.</summary>
        public int? ReclaimablePercent { get; }

        public override string ToString() => Type;
    }
}
