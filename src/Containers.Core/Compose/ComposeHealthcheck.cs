using Containers.Engine.Models;

namespace Containers.Compose
{
    /// <summary>A service's healthcheck; durations as written (Go durations such as "30s", "1m30s").</summary>
    public sealed class ComposeHealthcheck
    {
        /// <summary>["CMD", args...], ["CMD-SHELL", command] (a string in the file), or ["NONE"]; null: the image's.</summary>
        public IReadOnlyList<string>? Test { get; init; }

        public string? Interval { get; init; }

        public string? Timeout { get; init; }

        public int? Retries { get; init; }

        public string? StartPeriod { get; init; }

        public string? StartInterval { get; init; }

        public bool Disable { get; init; }

        /// <summary>
        /// The check as the engine takes it, for a project's containers and a stack's tasks alike: disable is the engine's
        /// NONE, which turns the image's check off too; durations in nanoseconds (the reader checked them).
        /// </summary>
        public HealthConfig ToHealthConfig() => Disable
            ? new HealthConfig { Test = new List<string> { "NONE" } }
            : new HealthConfig
            {
                Test = Test?.ToList(),
                Interval = Nanoseconds(Interval),
                Timeout = Nanoseconds(Timeout),
                Retries = Retries,
                StartPeriod = Nanoseconds(StartPeriod),
            };

        private static long? Nanoseconds(string? duration) => duration == null ? null : GoDuration.Nanoseconds(duration);
    }
}
