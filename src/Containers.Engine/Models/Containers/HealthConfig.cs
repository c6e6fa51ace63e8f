using System.Text.Json;
using System.Text.Json.Serialization;

namespace Containers.Engine.Models
{
    /// <summary>
    /// A container's healthcheck (<c>Config.Healthcheck</c>, and a service task's <c>ContainerSpec.Healthcheck</c>).
    /// Durations are nanoseconds, as the engine takes them; zero or null leaves the engine's (or the image's) value.
    /// </summary>
    public sealed class HealthConfig
    {
        /// <summary>["CMD", args...], ["CMD-SHELL", command], or ["NONE"] to turn the image's check off; null: the image's.</summary>
        public List<string>? Test { get; set; }

        public long? Interval { get; set; }

        public long? Timeout { get; set; }

        public int? Retries { get; set; }

        public long? StartPeriod { get; set; }

        /// <summary>Fields newer engines add (StartInterval), kept so a service spec read back is sent back whole.</summary>
        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Extra { get; set; }
    }
}
