using System.Text.Json;
using System.Text.Json.Serialization;

namespace Containers.Engine.Models
{
    /// <summary>What each of a service's tasks runs. Unnamed settings ride in <see cref="Extra"/> (see <see cref="ServiceSpec"/>).</summary>
    public sealed class TaskSpec
    {
        public ContainerSpec ContainerSpec { get; set; } = new ContainerSpec();

        public TaskResources? Resources { get; set; }

        public TaskRestartPolicy? RestartPolicy { get; set; }

        public TaskPlacement? Placement { get; set; }

        public List<NetworkAttachmentConfig>? Networks { get; set; }

        /// <summary>Changed to make the swarm replace tasks though nothing else changed.</summary>
        public ulong ForceUpdate { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Extra { get; set; }
    }

    /// <summary>The container a task runs. Command is the entrypoint, Args the command (docker service create IMAGE ARGS...).</summary>
    public sealed class ContainerSpec
    {
        public string? Image { get; set; }

        public Dictionary<string, string>? Labels { get; set; }

        public List<string>? Command { get; set; }

        public List<string>? Args { get; set; }

        public List<string>? Env { get; set; }

        public string? Dir { get; set; }

        public string? User { get; set; }

        public bool TTY { get; set; }

        public List<Mount>? Mounts { get; set; }

        public List<SecretReference>? Secrets { get; set; }

        public List<ConfigReference>? Configs { get; set; }

        public string? Hostname { get; set; }

        /// <summary>Replaces the image's HEALTHCHECK (Test ["NONE"] turns it off).</summary>
        public HealthConfig? Healthcheck { get; set; }

        /// <summary>Nanoseconds a task's container is given to stop before it is killed.</summary>
        public long? StopGracePeriod { get; set; }

        /// <summary>The signal a task's container is stopped with (SIGINT...), replacing the image's STOPSIGNAL.</summary>
        public string? StopSignal { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Extra { get; set; }
    }

    public sealed class TaskResources
    {
        public ResourceAmounts? Limits { get; set; }

        public ResourceAmounts? Reservations { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Extra { get; set; }
    }

    public sealed class ResourceAmounts
    {
        public long NanoCPUs { get; set; }

        public long MemoryBytes { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Extra { get; set; }
    }

    public sealed class TaskRestartPolicy
    {
        /// <summary>none, on-failure or any.</summary>
        public string? Condition { get; set; }

        /// <summary>Nanoseconds.</summary>
        public long? Delay { get; set; }

        /// <summary>0: no limit.</summary>
        public ulong? MaxAttempts { get; set; }

        /// <summary>Nanoseconds.</summary>
        public long? Window { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Extra { get; set; }
    }

    public sealed class TaskPlacement
    {
        public List<string>? Constraints { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Extra { get; set; }
    }

    public sealed class NetworkAttachmentConfig
    {
        /// <summary>The network's id or name.</summary>
        public string? Target { get; set; }

        public List<string>? Aliases { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Extra { get; set; }
    }

    /// <summary>A secret a task gets as a file (under /run/secrets).</summary>
    public sealed class SecretReference
    {
        public SecretReferenceFile? File { get; set; }

        public string? SecretID { get; set; }

        public string? SecretName { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Extra { get; set; }
    }

    /// <summary>A config a task gets as a file.</summary>
    public sealed class ConfigReference
    {
        public SecretReferenceFile? File { get; set; }

        public string? ConfigID { get; set; }

        public string? ConfigName { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Extra { get; set; }
    }

    /// <summary>Where a secret or config appears in the container, and as whose file.</summary>
    public sealed class SecretReferenceFile
    {
        public string? Name { get; set; }

        public string? UID { get; set; }

        public string? GID { get; set; }

        /// <summary>File mode bits (0444 by default).</summary>
        public uint Mode { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Extra { get; set; }
    }
}
