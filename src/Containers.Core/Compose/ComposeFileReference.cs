namespace Containers.Compose
{
    /// <summary>A service's use of a secret or config: the short form (its name) or the long one.</summary>
    public sealed class ComposeFileReference
    {
        /// <summary>The key in the project's secrets or configs.</summary>
        public string Source { get; init; } = string.Empty;

        /// <summary>As written; null: /run/secrets/SOURCE for a secret, /SOURCE for a config.</summary>
        public string? Target { get; init; }

        public string? Uid { get; init; }

        public string? Gid { get; init; }

        /// <summary>The file mode (0444 written in octal in the file is 292 here).</summary>
        public int? Mode { get; init; }
    }
}
