namespace Containers.Compose
{
    /// <summary>A service's <c>deploy</c> section: what swarm does with it.</summary>
    public sealed class ComposeDeploy
    {
        /// <summary>replicated (the default) or global (one task per node).</summary>
        public string? Mode { get; init; }

        public int? Replicas { get; init; }

        public ComposeResources? Limits { get; init; }

        public ComposeResources? Reservations { get; init; }

        public ComposeRestartPolicy? RestartPolicy { get; init; }

        /// <summary>placement.constraints, as written ("node.role == manager").</summary>
        public IReadOnlyList<string> PlacementConstraints { get; init; } = Array.Empty<string>();

        /// <summary>placement.preferences' spread descriptors ("node.labels.zone").</summary>
        public IReadOnlyList<string> PlacementPreferences { get; init; } = Array.Empty<string>();

        public int? MaxReplicasPerNode { get; init; }

        public ComposeUpdateConfig? UpdateConfig { get; init; }

        public ComposeUpdateConfig? RollbackConfig { get; init; }

        /// <summary>vip or dnsrr.</summary>
        public string? EndpointMode { get; init; }

        /// <summary>Labels on the service (the containers' own are the service's <c>labels</c>).</summary>
        public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    }

    /// <summary>resources.limits or resources.reservations.</summary>
    public sealed class ComposeResources
    {
        /// <summary>A number of CPUs (0.5).</summary>
        public double? Cpus { get; init; }

        public long? MemoryBytes { get; init; }

        public long? Pids { get; init; }
    }

    public sealed class ComposeRestartPolicy
    {
        /// <summary>none, on-failure or any.</summary>
        public string? Condition { get; init; }

        public string? Delay { get; init; }

        public int? MaxAttempts { get; init; }

        public string? Window { get; init; }
    }

    /// <summary>update_config or rollback_config; durations as written.</summary>
    public sealed class ComposeUpdateConfig
    {
        public int? Parallelism { get; init; }

        public string? Delay { get; init; }

        /// <summary>continue, pause or rollback (update_config only).</summary>
        public string? FailureAction { get; init; }

        public string? Monitor { get; init; }

        public double? MaxFailureRatio { get; init; }

        /// <summary>stop-first or start-first.</summary>
        public string? Order { get; init; }
    }
}
