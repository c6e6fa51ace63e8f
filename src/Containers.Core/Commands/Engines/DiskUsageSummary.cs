using Containers.Engine.Models;
using Containers.Models;

namespace Containers.Commands.Engines
{
    /// <summary>
    /// The four lines of docker system df, computed from <c>GET /system/df</c> as the docker CLI computes them (its
    /// formatter, not the engine, decides what is active and what is reclaimable), so both tools show the same figures.
    /// </summary>
    public static class DiskUsageSummary
    {
        public static IReadOnlyList<ContainerDiskUsage> From(DiskUsageResponse usage) => new[]
        {
            Images(usage.LayersSize, usage.Images ?? new List<ImageSummary>()),
            Containers(usage.Containers ?? new List<ContainerSummary>()),
            Volumes(usage.Volumes ?? new List<Volume>()),
            BuildCache(usage.BuildCache ?? new List<BuildCacheRecord>(), usage.BuilderSize),
        };

        /// <summary>Running, paused and restarting containers hold their layers; docker counts them active.</summary>
        public static bool IsActive(ContainerSummary container)
        {
            string state = container.State ?? string.Empty;
            return state.IndexOf("running", StringComparison.Ordinal) >= 0
                || state.IndexOf("paused", StringComparison.Ordinal) >= 0
                || state.IndexOf("restarting", StringComparison.Ordinal) >= 0;
        }

        private static ContainerDiskUsage Images(long layersSize, List<ImageSummary> images)
        {
            // What images in use hold alone is not reclaimable; layers they share with others may be, as docker counts it.
            long used = images
                .Where(image => image.Containers != 0 && image.Size != -1 && image.SharedSize != -1)
                .Sum(image => image.Size - image.SharedSize);
            return new ContainerDiskUsage("Images", images.Count, images.Count(image => image.Containers > 0), layersSize, layersSize - used, showsPercent: true);
        }

        private static ContainerDiskUsage Containers(List<ContainerSummary> containers)
        {
            long size = containers.Sum(container => container.SizeRw ?? 0);
            long reclaimable = containers.Where(container => !IsActive(container)).Sum(container => container.SizeRw ?? 0);
            return new ContainerDiskUsage("Containers", containers.Count, containers.Count(IsActive), size, reclaimable, showsPercent: true);
        }

        private static ContainerDiskUsage Volumes(List<Volume> volumes)
        {
            // -1 means the engine did not size the volume (not a local one): left out of both sums.
            List<VolumeUsageData> sized = volumes.Select(volume => volume.UsageData).Where(data => data != null && data.Size != -1).Select(data => data!).ToList();
            return new ContainerDiskUsage(
                "Local Volumes",
                volumes.Count,
                volumes.Count(volume => volume.UsageData?.RefCount > 0),
                sized.Sum(data => data.Size),
                sized.Where(data => data.RefCount == 0).Sum(data => data.Size),
                showsPercent: true);
        }

        private static ContainerDiskUsage BuildCache(List<BuildCacheRecord> records, long? builderSize)
        {
            // API 1.42 stopped sending BuilderSize; the engine computed it as the sum of the records' sizes.
            long size = builderSize ?? records.Sum(record => record.Size);
            long inUse = records.Where(record => record.InUse && !record.Shared).Sum(record => record.Size);
            return new ContainerDiskUsage("Build Cache", records.Count, records.Count(record => record.InUse), size, size - inUse, showsPercent: false);
        }
    }
}
