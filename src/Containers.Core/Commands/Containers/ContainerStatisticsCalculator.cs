using Containers.Engine.Models;
using Containers.Models;

namespace Containers.Commands.Containers
{
    /// <summary>
    /// Turns the engine's raw counters into docker stats' figures, computed as the docker CLI computes them
    /// (cli/command/container/stats_helpers.go), so both tools show the same numbers for the same frame.
    /// </summary>
    public static class ContainerStatisticsCalculator
    {
        /// <summary>
        /// False for the frame of a running container that has no earlier reading to measure CPU use against: a stream's
        /// first. A container that is not running gets frames with neither time (only its name and id), which are
        /// readings of zero, as docker stats shows them.
        /// </summary>
        public static bool HasInterval(ContainerStatsResponse frame) => frame.PreRead.Year > 1 || frame.Read.Year <= 1;

        public static ContainerStatistics FromFrame(ContainerStatsResponse frame, ContainerEngine engine, string id, string name)
        {
            bool windows = frame.NumProcs > 0;
            long memoryUsage = windows ? Clamp(frame.MemoryStats?.PrivateWorkingSet ?? 0) : Clamp(MemoryUsageWithoutCache(frame.MemoryStats));
            long memoryLimit = windows ? 0 : Clamp(frame.MemoryStats?.Limit ?? 0);
            (ulong blockRead, ulong blockWritten) = windows
                ? (frame.StorageStats?.ReadSizeBytes ?? 0, frame.StorageStats?.WriteSizeBytes ?? 0)
                : BlockIo(frame.BlkioStats);
            (ulong received, ulong sent) = Network(frame.Networks);
            return new ContainerStatistics
            {
                Id = string.IsNullOrEmpty(frame.Id) ? id : frame.Id!,
                Name = string.IsNullOrEmpty(frame.Name) ? name : frame.Name!.TrimStart('/'),
                CpuPercent = windows ? CpuPercentWindows(frame) : CpuPercentUnix(frame),
                MemoryUsage = memoryUsage,
                MemoryLimit = memoryLimit,
                MemoryPercent = memoryLimit > 0 ? memoryUsage * 100.0 / memoryLimit : 0,
                NetworkReceived = Clamp(received),
                NetworkSent = Clamp(sent),
                BlockRead = Clamp(blockRead),
                BlockWritten = Clamp(blockWritten),
                Pids = frame.PidsStats?.Current is ulong pids ? Clamp(pids) : (long?)null,
                Read = frame.Read.Year > 1 ? frame.Read.ToLocalTime() : DateTime.Now,
                Engine = engine,
            };
        }

        /// <summary>
        /// The container's CPU time over the host's, between this frame and the previous, times the CPUs online: 100 per
        /// busy CPU. Counters that went backwards or stood still give 0.
        /// </summary>
        public static double CpuPercentUnix(ContainerStatsResponse frame)
        {
            double cpuDelta = (double)(frame.CpuStats?.CpuUsage?.TotalUsage ?? 0) - (frame.PreCpuStats?.CpuUsage?.TotalUsage ?? 0);
            double systemDelta = (double)(frame.CpuStats?.SystemCpuUsage ?? 0) - (frame.PreCpuStats?.SystemCpuUsage ?? 0);
            double onlineCpus = frame.CpuStats?.OnlineCpus ?? 0;
            if (onlineCpus == 0)
            {
                // Engines before API 1.27 did not report online CPUs; cgroup v1 lists one counter per CPU.
                onlineCpus = frame.CpuStats?.CpuUsage?.PercpuUsage?.Count ?? 0;
            }

            return systemDelta > 0 && cpuDelta > 0 ? cpuDelta / systemDelta * onlineCpus * 100.0 : 0;
        }

        /// <summary>Windows counts CPU time in 100 ns intervals: the share of the intervals all processors had between the two readings.</summary>
        public static double CpuPercentWindows(ContainerStatsResponse frame)
        {
            if (frame.PreRead.Year <= 1 || frame.Read <= frame.PreRead)
            {
                return 0;
            }

            double possible = (frame.Read - frame.PreRead).Ticks * (double)frame.NumProcs; // a tick is 100 ns
            double used = (double)(frame.CpuStats?.CpuUsage?.TotalUsage ?? 0) - (frame.PreCpuStats?.CpuUsage?.TotalUsage ?? 0);
            return possible > 0 && used > 0 ? used / possible * 100.0 : 0;
        }

        /// <summary>
        /// Usage less the inactive file pages (total_inactive_file on cgroup v1, inactive_file on v2): page cache the
        /// kernel reclaims before it would kill the container, which docker stats leaves out as cadvisor and CRI do.
        /// </summary>
        public static ulong MemoryUsageWithoutCache(MemoryStats? memory)
        {
            if (memory == null)
            {
                return 0;
            }

            IDictionary<string, ulong> stats = memory.Stats ?? new Dictionary<string, ulong>();
            if (stats.TryGetValue("total_inactive_file", out ulong v1) && v1 < memory.Usage)
            {
                return memory.Usage - v1;
            }

            if (stats.TryGetValue("inactive_file", out ulong v2) && v2 < memory.Usage)
            {
                return memory.Usage - v2;
            }

            return memory.Usage;
        }

        /// <summary>Bytes read and written, summed over the devices; the other operations (Sync, Async, Total, Discard) are left out.</summary>
        public static (ulong Read, ulong Written) BlockIo(BlkioStats? blkio)
        {
            ulong read = 0;
            ulong written = 0;
            foreach (BlkioStatEntry entry in blkio?.IoServiceBytesRecursive ?? Enumerable.Empty<BlkioStatEntry>())
            {
                if (string.Equals(entry.Op, "read", StringComparison.OrdinalIgnoreCase))
                {
                    read += entry.Value;
                }
                else if (string.Equals(entry.Op, "write", StringComparison.OrdinalIgnoreCase))
                {
                    written += entry.Value;
                }
            }

            return (read, written);
        }

        public static (ulong Received, ulong Sent) Network(IDictionary<string, NetworkStats>? networks)
        {
            ulong received = 0;
            ulong sent = 0;
            foreach (NetworkStats network in networks?.Values ?? Enumerable.Empty<NetworkStats>())
            {
                received += network.RxBytes;
                sent += network.TxBytes;
            }

            return (received, sent);
        }

        private static long Clamp(ulong value) => value > long.MaxValue ? long.MaxValue : (long)value;
    }
}
