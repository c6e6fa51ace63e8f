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
    }
}
