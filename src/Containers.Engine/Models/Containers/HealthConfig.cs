namespace Containers.Engine.Models
{
    /// <summary>
    /// A container's healthcheck (<c>Config.Healthcheck</c>). Durations are nanoseconds, as the engine takes them; zero
    /// or null leaves the engine's (or the image's) value.
    /// </summary>
    public sealed class HealthConfig
    {
        /// <summary>["CMD", args...], ["CMD-SHELL", command], or ["NONE"] to turn the image's check off; null: the image's.</summary>
        public List<string>? Test { get; set; }

        public long? Interval { get; set; }

        public long? Timeout { get; set; }

        public int? Retries { get; set; }

        public long? StartPeriod { get; set; }
    }
}
