namespace Containers.Compose
{
    /// <summary>What <see cref="ComposeReader.Read"/> needs besides the files.</summary>
    public sealed class ComposeReadOptions
    {
        /// <summary>The project name (compose's -p); wins over the files' <c>name:</c>, as with compose.</summary>
        public string? ProjectName { get; init; }

        /// <summary>
        /// The variables for interpolation and for environment entries without a value, overlaid on the project
        /// directory's <c>.env</c> (these win, as the process environment does in compose). Null: this process's environment.
        /// </summary>
        public IReadOnlyDictionary<string, string>? Environment { get; init; }

        /// <summary>The active profiles (compose's --profile); COMPOSE_PROFILES in the environment when null.</summary>
        public IReadOnlyList<string>? Profiles { get; init; }

        /// <summary>Services asked for by name: enabled whatever their profiles, with what they depend on.</summary>
        public IReadOnlyList<string>? Services { get; init; }

        /// <summary>The project directory (compose's --project-directory); the first file's directory when null.</summary>
        public string? WorkingDirectory { get; init; }
    }
}
