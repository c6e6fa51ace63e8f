using System.Text.Json.Serialization;

namespace Containers.Engine.Models
{
    /// <summary>
    /// One frame of <c>GET /containers/{id}/stats</c>: the counters as the engine read them at <see cref="Read"/>, and
    /// the CPU counters of the frame before (<see cref="PreCpuStats"/>, zero in a stream's first frame). Linux engines
    /// fill the cgroup figures; Windows engines fill <see cref="NumProcs"/>, <see cref="StorageStats"/> and the private
    /// working set instead.
    /// </summary>
    public sealed class ContainerStatsResponse
    {
        [JsonPropertyName("id")]
        public string? Id { get; set; }

        /// <summary>With the engine's leading slash.</summary>
        [JsonPropertyName("name")]
        public string? Name { get; set; }

        [JsonPropertyName("read")]
        public DateTime Read { get; set; }

        /// <summary>When the previous frame was read; the zero time (year 1) when there was none.</summary>
        [JsonPropertyName("preread")]
        public DateTime PreRead { get; set; }

        [JsonPropertyName("pids_stats")]
        public PidsStats? PidsStats { get; set; }

        [JsonPropertyName("blkio_stats")]
        public BlkioStats? BlkioStats { get; set; }

        /// <summary>Windows only: the number of processors.</summary>
        [JsonPropertyName("num_procs")]
        public uint NumProcs { get; set; }

        [JsonPropertyName("storage_stats")]
        public StorageStats? StorageStats { get; set; }

        [JsonPropertyName("cpu_stats")]
        public CpuStats? CpuStats { get; set; }

        [JsonPropertyName("precpu_stats")]
        public CpuStats? PreCpuStats { get; set; }

        [JsonPropertyName("memory_stats")]
        public MemoryStats? MemoryStats { get; set; }

        /// <summary>Per network interface (eth0, ...); absent for a container without networking.</summary>
        [JsonPropertyName("networks")]
        public Dictionary<string, NetworkStats>? Networks { get; set; }
    }

    public sealed class PidsStats
    {
        [JsonPropertyName("current")]
        public ulong? Current { get; set; }

        [JsonPropertyName("limit")]
        public ulong? Limit { get; set; }
    }

    public sealed class BlkioStats
    {
        [JsonPropertyName("io_service_bytes_recursive")]
        public List<BlkioStatEntry>? IoServiceBytesRecursive { get; set; }
    }

    public sealed class BlkioStatEntry
    {
        [JsonPropertyName("major")]
        public ulong Major { get; set; }

        [JsonPropertyName("minor")]
        public ulong Minor { get; set; }

        /// <summary>Read, Write, Sync, Async, Total, Discard (cgroup v1, capitalised) or read, write (cgroup v2).</summary>
        [JsonPropertyName("op")]
        public string? Op { get; set; }

        [JsonPropertyName("value")]
        public ulong Value { get; set; }
    }

    public sealed class StorageStats
    {
        [JsonPropertyName("read_size_bytes")]
        public ulong ReadSizeBytes { get; set; }

        [JsonPropertyName("write_size_bytes")]
        public ulong WriteSizeBytes { get; set; }
    }

    public sealed class CpuStats
    {
        [JsonPropertyName("cpu_usage")]
        public CpuUsage? CpuUsage { get; set; }

        /// <summary>Linux only: the host's CPU time in nanoseconds, all CPUs together.</summary>
        [JsonPropertyName("system_cpu_usage")]
        public ulong SystemCpuUsage { get; set; }

        [JsonPropertyName("online_cpus")]
        public uint OnlineCpus { get; set; }
    }

    public sealed class CpuUsage
    {
        /// <summary>Nanoseconds on Linux, 100 ns intervals on Windows.</summary>
        [JsonPropertyName("total_usage")]
        public ulong TotalUsage { get; set; }

        /// <summary>Per CPU, on cgroup v1 only.</summary>
        [JsonPropertyName("percpu_usage")]
        public List<ulong>? PercpuUsage { get; set; }

        [JsonPropertyName("usage_in_kernelmode")]
        public ulong UsageInKernelmode { get; set; }

        [JsonPropertyName("usage_in_usermode")]
        public ulong UsageInUsermode { get; set; }
    }

    public sealed class MemoryStats
    {
        [JsonPropertyName("usage")]
        public ulong Usage { get; set; }

        [JsonPropertyName("max_usage")]
        public ulong MaxUsage { get; set; }

        /// <summary>The cgroup's memory.stat: total_inactive_file (v1), inactive_file (v2), cache, rss, ...</summary>
        [JsonPropertyName("stats")]
        public Dictionary<string, ulong>? Stats { get; set; }

        [JsonPropertyName("limit")]
        public ulong Limit { get; set; }

        /// <summary>Windows only.</summary>
        [JsonPropertyName("privateworkingset")]
        public ulong PrivateWorkingSet { get; set; }
    }

    public sealed class NetworkStats
    {
        [JsonPropertyName("rx_bytes")]
        public ulong RxBytes { get; set; }

        [JsonPropertyName("tx_bytes")]
        public ulong TxBytes { get; set; }

        [JsonPropertyName("rx_packets")]
        public ulong RxPackets { get; set; }

        [JsonPropertyName("tx_packets")]
        public ulong TxPackets { get; set; }
    }
}
