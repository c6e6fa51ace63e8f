namespace Containers.Models
{
    /// <summary>One image, container, volume or build cache record with what it takes on disk (docker system df -v).</summary>
    public sealed class ContainerDiskUsageItem
    {
        /// <summary>Image, Container, Volume or Build Cache.</summary>
        public string Type { get; internal set; } = string.Empty;

        /// <summary>An image's first repository:tag (&lt;none&gt;:&lt;none&gt; when untagged), a container's or volume's name, a cache record's id.</summary>
        public string Name { get; internal set; } = string.Empty;

        /// <summary>The image, container or cache record id; a volume's name.</summary>
        public string Id { get; internal set; } = string.Empty;

        /// <summary>
        /// Bytes: an image with its shared layers, a container's writable layer, a volume's content, a cache record.
        /// Null where the engine did not compute it.
        /// </summary>
        public long? Size { get; internal set; }

        /// <summary>Images: bytes in layers shared with other images.</summary>
        public long? SharedSize { get; internal set; }

        /// <summary>Images: bytes only this image holds (what removing it alone would free).</summary>
        public long? UniqueSize { get; internal set; }

        /// <summary>Images and volumes: how many containers use it.</summary>
        public long? Containers { get; internal set; }

        /// <summary>Counts toward Active in the summary: in use by a container, or running, or in use by a build.</summary>
        public bool Active { get; internal set; }

        /// <summary>Local time, where known.</summary>
        public DateTime? Created { get; internal set; }

        /// <summary>Containers: the engine's status text ("Up 5 minutes"); build cache: the record's kind (regular, source.local, ...).</summary>
        public string? Status { get; internal set; }

        /// <summary>The engine it is on.</summary>
        public ContainerEngine Engine { get; internal set; } = null!;

        public override string ToString() => $"{Type} {Name}";
    }
}
