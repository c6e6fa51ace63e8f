namespace Containers.Compose
{
    /// <summary>A top-level secret or config: its content from a file, an environment variable, inline (configs), or external.</summary>
    public sealed class ComposeFileObject
    {
        /// <summary>The engine's name: <c>name:</c>, else PROJECT_KEY (an external one: its key).</summary>
        public string Name { get; init; } = string.Empty;

        /// <summary>A full path, resolved against the project directory.</summary>
        public string? File { get; init; }

        /// <summary>The environment variable whose value is the content.</summary>
        public string? Environment { get; init; }

        /// <summary>Inline content (configs only).</summary>
        public string? Content { get; init; }

        public bool External { get; init; }

        public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    }
}
