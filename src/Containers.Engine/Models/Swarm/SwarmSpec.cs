namespace Containers.Engine.Models
{
    /// <summary>The parts of a swarm's spec the module reads (the swarm's settings are not changed by the module).</summary>
    public sealed class SwarmSpec
    {
        /// <summary>Always "default" for swarms docker makes.</summary>
        public string? Name { get; set; }

        public Dictionary<string, string>? Labels { get; set; }

        public SwarmOrchestrationConfig? Orchestration { get; set; }

        public SwarmDispatcherConfig? Dispatcher { get; set; }

        public SwarmCAConfig? CAConfig { get; set; }

        public SwarmEncryptionConfig? EncryptionConfig { get; set; }
    }

    public sealed class SwarmOrchestrationConfig
    {
        /// <summary>How many old tasks per slot the managers keep.</summary>
        public long? TaskHistoryRetentionLimit { get; set; }
    }

    public sealed class SwarmDispatcherConfig
    {
        /// <summary>Nanoseconds between a node's heartbeats.</summary>
        public long? HeartbeatPeriod { get; set; }
    }

    public sealed class SwarmCAConfig
    {
        /// <summary>Nanoseconds a node's certificate is valid for.</summary>
        public long? NodeCertExpiry { get; set; }
    }

    public sealed class SwarmEncryptionConfig
    {
        /// <summary>Whether managers' keys are locked with the unlock key at rest (docker swarm init --autolock).</summary>
        public bool AutoLockManagers { get; set; }
    }
}
