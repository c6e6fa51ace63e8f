using System.Text.Json;
using System.Text.Json.Serialization;

namespace Containers.Engine.Models
{
    /// <summary>
    /// What a service should be. An update sends the whole spec back, so what this model does not name is kept in
    /// <see cref="Extra"/> and sent back as it came: a read-modify-write never drops a setting made elsewhere (docker
    /// service update --health-cmd, a stack's options).
    /// </summary>
    public sealed class ServiceSpec
    {
        public string? Name { get; set; }

        public Dictionary<string, string>? Labels { get; set; }

        public TaskSpec TaskTemplate { get; set; } = new TaskSpec();

        public ServiceMode? Mode { get; set; }

        public ServiceUpdateConfig? UpdateConfig { get; set; }

        public ServiceUpdateConfig? RollbackConfig { get; set; }

        public EndpointSpec? EndpointSpec { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Extra { get; set; }
    }

    /// <summary>Replicated (a number of tasks) or Global (one per node); exactly one is set.</summary>
    public sealed class ServiceMode
    {
        public ReplicatedService? Replicated { get; set; }

        public GlobalService? Global { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Extra { get; set; }
    }

    public sealed class ReplicatedService
    {
        public ulong? Replicas { get; set; }
    }

    public sealed class GlobalService
    {
    }

    /// <summary>How a rolling update (or a rollback) goes.</summary>
    public sealed class ServiceUpdateConfig
    {
        /// <summary>Tasks replaced at once; 0 means all at once.</summary>
        public ulong Parallelism { get; set; }

        /// <summary>Nanoseconds between batches.</summary>
        public long Delay { get; set; }

        /// <summary>continue, pause or rollback.</summary>
        public string? FailureAction { get; set; }

        /// <summary>Nanoseconds each updated task is watched for a failure.</summary>
        public long? Monitor { get; set; }

        /// <summary>The share of tasks that may fail during an update before the failure action applies.</summary>
        public double? MaxFailureRatio { get; set; }

        /// <summary>stop-first or start-first.</summary>
        public string? Order { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Extra { get; set; }
    }
}
