namespace Containers.Engine.Models
{
    /// <summary><c>GET /system/df</c>: what images, containers, volumes and the build cache take on disk.</summary>
    public sealed class DiskUsageResponse
    {
        /// <summary>Bytes of all image layers, each counted once.</summary>
        public long LayersSize { get; set; }

        /// <summary>With <see cref="ImageSummary.SharedSize"/> and <see cref="ImageSummary.Containers"/> filled.</summary>
        public List<ImageSummary>? Images { get; set; }

        /// <summary>With <see cref="ContainerSummary.SizeRw"/> and <see cref="ContainerSummary.SizeRootFs"/> filled.</summary>
        public List<ContainerSummary>? Containers { get; set; }

        /// <summary>With <see cref="Volume.UsageData"/> filled.</summary>
        public List<Volume>? Volumes { get; set; }

        public List<BuildCacheRecord>? BuildCache { get; set; }

        /// <summary>Bytes of the build cache; absent from API 1.42 on, where the records' sizes add up to it.</summary>
        public long? BuilderSize { get; set; }
    }
}
