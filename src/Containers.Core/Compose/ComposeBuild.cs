namespace Containers.Compose
{
    /// <summary>A service's <c>build</c>: the short form (a context path) and the long form alike.</summary>
    public sealed class ComposeBuild
    {
        /// <summary>A full path, or a URL (a git repository) as written.</summary>
        public string Context { get; init; } = string.Empty;

        /// <summary>Relative to the context, as written; null for the context's Dockerfile.</summary>
        public string? Dockerfile { get; init; }

        /// <summary>Build arguments; one the file names without a value takes the reader's environment's, null when that has none.</summary>
        public IReadOnlyDictionary<string, string?> Args { get; init; } = new Dictionary<string, string?>();

        public string? Target { get; init; }

        public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

        /// <summary>The keys the long form sets (none for the short form), for a consumer to name those it does not apply.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public IReadOnlyList<string> Keys { get; init; } = Array.Empty<string>();
    }
}
