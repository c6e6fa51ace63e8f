namespace Containers.Models
{
    /// <summary>One reading of a container's resource usage, as docker stats shows it.</summary>
    public sealed class ContainerStatistics
    {
        public string Id { get; internal set; } = string.Empty;

        /// <summary>Without the leading slash the engine keeps.</summary>
        public string Name { get; internal set; } = string.Empty;

        /// <summary>
        /// The share of one CPU the container used since the previous reading, times 100: up to 100 times the number of
        /// CPUs (200 for a container keeping two CPUs busy), as docker stats computes it.
        /// </summary>
        public double CpuPercent { get; internal set; }

        /// <summary>Bytes in use, without the page cache the kernel can drop (inactive file pages), as docker stats counts it.</summary>
        public long MemoryUsage { get; internal set; }

        /// <summary>Bytes the container may use: its memory limit, else the host's memory.</summary>
        public long MemoryLimit { get; internal set; }

        /// <summary><see cref="MemoryUsage"/> as a percentage of <see cref="MemoryLimit"/>; 0 where the engine gives no limit.</summary>
        public double MemoryPercent { get; internal set; }

        /// <summary>Bytes received over all the container's networks.</summary>
        public long NetworkReceived { get; internal set; }

        /// <summary>Bytes sent over all the container's networks.</summary>
        public long NetworkSent { get; internal set; }

        /// <summary>Bytes read from block devices.</summary>
        public long BlockRead { get; internal set; }

        /// <summary>Bytes written to block devices.</summary>
        public long BlockWritten { get; internal set; }

        /// <summary>Processes and threads in the container; null where the engine does not count them.</summary>
        public long? Pids { get; internal set; }

        /// <summary>When the engine took the reading (local time).</summary>
        public DateTime Read { get; internal set; }

        /// <summary>The engine the container lives on: piping the reading on reaches the same engine.</summary>
        public ContainerEngine Engine { get; internal set; } = null!;

        public override string ToString() => Name.Length > 0 ? Name : Id;
    }
}
