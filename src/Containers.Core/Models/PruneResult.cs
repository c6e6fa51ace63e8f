using System.Collections.Generic;

namespace Containers.Models
{
    /// <summary>What a prune removed (-Stopped, -Unused) and how much space it gave back.</summary>
    public sealed class PruneResult
    {
        public PruneResult(string kind, IReadOnlyList<string> removed, long spaceReclaimed)
        {
            Kind = kind;
            Removed = removed;
            SpaceReclaimed = spaceReclaimed;
        }

        /// <summary>Container, Image, Network or Volume.</summary>
        public string Kind { get; }

        public IReadOnlyList<string> Removed { get; }

        /// <summary>Bytes.</summary>
        public long SpaceReclaimed { get; }
    }
}
