namespace Containers.Compose
{
    /// <summary>
    /// A compose application as the files declare it once read, merged, interpolated and checked: plain values, no
    /// engine types, for stacks and compose projects to translate. See <see cref="ComposeReader.Read"/>.
    /// </summary>
    public sealed class ComposeProject
    {
        /// <summary>The project name, normalised as compose does (lowercase letters, digits, '_' and '-').</summary>
        public string Name { get; init; } = string.Empty;

        /// <summary>The project directory: relative paths in the files (bind mounts, build contexts) are resolved against it.</summary>
        public string WorkingDirectory { get; init; } = string.Empty;

        /// <summary>The files read, full paths, in the order they were merged.</summary>
        public IReadOnlyList<string> ConfigFiles { get; init; } = Array.Empty<string>();

        /// <summary>The services the active profiles enable, in the order the files declare them.</summary>
        public IReadOnlyDictionary<string, ComposeService> Services { get; init; } = new Dictionary<string, ComposeService>();

        /// <summary>Services the files declare that no active profile enables.</summary>
        public IReadOnlyList<string> DisabledServices { get; init; } = Array.Empty<string>();

        /// <summary>Networks by their key in the file; <c>default</c> is added when a service uses it, as compose does.</summary>
        public IReadOnlyDictionary<string, ComposeNetwork> Networks { get; init; } = new Dictionary<string, ComposeNetwork>();

        public IReadOnlyDictionary<string, ComposeVolume> Volumes { get; init; } = new Dictionary<string, ComposeVolume>();

        public IReadOnlyDictionary<string, ComposeFileObject> Secrets { get; init; } = new Dictionary<string, ComposeFileObject>();

        public IReadOnlyDictionary<string, ComposeFileObject> Configs { get; init; } = new Dictionary<string, ComposeFileObject>();

        /// <summary>What compose would warn about (a variable used but not set, which became empty).</summary>
        public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();
    }
}
