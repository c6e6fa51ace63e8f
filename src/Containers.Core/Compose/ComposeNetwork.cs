namespace Containers.Compose
{
    /// <summary>A top-level network.</summary>
    public sealed class ComposeNetwork
    {
        /// <summary>The engine's name: <c>name:</c>, else PROJECT_KEY (an external network: its key).</summary>
        public string Name { get; init; } = string.Empty;

        public string? Driver { get; init; }

        public IReadOnlyDictionary<string, string> DriverOptions { get; init; } = new Dictionary<string, string>();

        /// <summary>Made elsewhere: used, never created or removed.</summary>
        public bool External { get; init; }

        public bool Internal { get; init; }

        public bool Attachable { get; init; }

        /// <summary>ipam.config[].subnet, in order.</summary>
        public IReadOnlyList<string> Subnets { get; init; } = Array.Empty<string>();

        public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    }
}
