using Containers.Engine.Models;
using Containers.Models;
using Containers.Output;
using Containers.Text;

namespace Containers.Commands.Engines
{
    /// <summary>Get-ContainerDiskUsage: docker system df (one object per kind), or with -Detailed docker system df -v (one per object).</summary>
    public sealed class GetDiskUsageCommand
    {
        private const string None = "<none>:<none>";

        /// <summary>Each image, container, volume and build cache record instead of the four totals.</summary>
        public bool Detailed { get; set; }

        public async Task ExecuteAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken)
        {
            DiskUsageResponse usage = await engine.Client.System.DiskUsageAsync(cancellationToken);
            if (!Detailed)
            {
                foreach (ContainerDiskUsage line in DiskUsageSummary.From(usage))
                {
                    output.WriteObject(line);
                }

                return;
            }

            foreach (ContainerDiskUsageItem item in Items(usage, engine))
            {
                output.WriteObject(item);
            }
        }

        public static IEnumerable<ContainerDiskUsageItem> Items(DiskUsageResponse usage, ContainerEngine engine)
        {
            foreach (ImageSummary image in usage.Images ?? new List<ImageSummary>())
            {
                yield return new ContainerDiskUsageItem
                {
                    Type = "Image",
                    Name = image.RepoTags?.FirstOrDefault(tag => tag != None) ?? None,
                    Id = image.Id,
                    Size = Known(image.Size),
                    SharedSize = Known(image.SharedSize),
                    UniqueSize = image.Size != -1 && image.SharedSize != -1 ? image.Size - image.SharedSize : (long?)null,
                    Containers = Known(image.Containers),
                    Active = image.Containers > 0,
                    Created = DateTimeOffset.FromUnixTimeSeconds(image.Created).LocalDateTime,
                    Engine = engine,
                };
            }

            foreach (ContainerSummary container in usage.Containers ?? new List<ContainerSummary>())
            {
                yield return new ContainerDiskUsageItem
                {
                    Type = "Container",
                    Name = Container.FromSummary(container, engine).Name,
                    Id = container.Id,
                    Size = container.SizeRw,
                    Active = DiskUsageSummary.IsActive(container),
                    Created = DateTimeOffset.FromUnixTimeSeconds(container.Created).LocalDateTime,
                    Status = container.Status,
                    Engine = engine,
                };
            }

            foreach (Volume volume in usage.Volumes ?? new List<Volume>())
            {
                yield return new ContainerDiskUsageItem
                {
                    Type = "Volume",
                    Name = volume.Name,
                    Id = volume.Name,
                    Size = volume.UsageData == null ? null : Known(volume.UsageData.Size),
                    Containers = volume.UsageData == null ? null : Known(volume.UsageData.RefCount),
                    Active = volume.UsageData?.RefCount > 0,
                    Created = EngineTime.Parse(volume.CreatedAt),
                    Engine = engine,
                };
            }

            foreach (BuildCacheRecord record in usage.BuildCache ?? new List<BuildCacheRecord>())
            {
                yield return new ContainerDiskUsageItem
                {
                    Type = "Build Cache",
                    Name = record.ID,
                    Id = record.ID,
                    Size = record.Size,
                    Active = record.InUse,
                    Created = EngineTime.Parse(record.CreatedAt),
                    Status = record.Type,
                    Engine = engine,
                };
            }
        }

        // The engine writes -1 for figures it did not compute.
        private static long? Known(long value) => value == -1 ? (long?)null : value;
    }
}
