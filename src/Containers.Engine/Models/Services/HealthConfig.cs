using System.Text.Json;
using System.Text.Json.Serialization;

namespace Containers.Engine.Models
{
    /// <summary>A task's health check, as the engine takes it (durations in nanoseconds; 0 is the engine's default).</summary>
    public sealed class HealthConfig
    {
        /// <summary>["CMD", args...], ["CMD-SHELL", command], or ["NONE"] to turn the image's check off.</summary>
        public List<string>? Test { get; set; }

        public long? Interval { get; set; }

        public long? Timeout { get; set; }

        public long? StartPeriod { get; set; }

        public int? Retries { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Extra { get; set; }
    }
}
