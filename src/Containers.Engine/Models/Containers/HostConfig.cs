namespace Containers.Engine.Models
{
    /// <summary>The host-dependent part of a container's configuration: ports, mounts, limits, restart policy.</summary>
    public sealed class HostConfig
    {
        public List<string>? Binds { get; set; }

        public string? NetworkMode { get; set; }

        /// <summary>Keys like <c>80/tcp</c>.</summary>
        public Dictionary<string, List<PortBinding>?>? PortBindings { get; set; }

        public RestartPolicy? RestartPolicy { get; set; }

        public bool AutoRemove { get; set; }

        public List<string>? VolumesFrom { get; set; }

        public List<Mount>? Mounts { get; set; }

        /// <summary>Bytes; 0 means no limit.</summary>
        public long? Memory { get; set; }

        public long? MemorySwap { get; set; }

        public long? MemoryReservation { get; set; }

        /// <summary>CPUs in units of 10^-9.</summary>
        public long? NanoCpus { get; set; }

        public long? CpuShares { get; set; }

        public string? CpusetCpus { get; set; }

        public bool Privileged { get; set; }

        public bool PublishAllPorts { get; set; }

        public bool ReadonlyRootfs { get; set; }

        public List<string>? Dns { get; set; }

        public List<string>? ExtraHosts { get; set; }

        public List<string>? CapAdd { get; set; }

        public List<string>? CapDrop { get; set; }

        public bool? Init { get; set; }

        public LogConfig? LogConfig { get; set; }
    }

    /// <summary>Where a container port is published on the host.</summary>
    public sealed class PortBinding
    {
        public string? HostIp { get; set; }

        public string? HostPort { get; set; }
    }

    /// <summary>What the engine does when a container exits: <c>no</c>, <c>always</c>, <c>unless-stopped</c>, <c>on-failure</c>.</summary>
    public sealed class RestartPolicy
    {
        public string? Name { get; set; }

        public int MaximumRetryCount { get; set; }
    }

    /// <summary>The log driver and its options.</summary>
    public sealed class LogConfig
    {
        public string? Type { get; set; }

        public Dictionary<string, string>? Config { get; set; }
    }
}
