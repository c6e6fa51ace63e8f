namespace Containers.Compose
{
    /// <summary>A top-level volume.</summary>
    public sealed class ComposeVolume
    {
        /// <summary>The engine's name: <c>name:</c>, else PROJECT_KEY (an external volume: its key).</summary>
        public string Name { get; init; } = string.Empty;

        public string? Driver { get; init; }

        public IReadOnlyDictionary<string, string> DriverOptions { get; init; } = new Dictionary<string, string>();

        public bool External { get; init; }

        public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    }
}
