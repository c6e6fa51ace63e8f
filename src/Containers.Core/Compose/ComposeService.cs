namespace Containers.Compose
{
    /// <summary>
    /// One service, with every short form expanded to its long form: command and entrypoint as argument lists, ports and
    /// volumes as objects, networks, depends_on and labels as maps. A property the file does not set is null (or empty
    /// for maps and lists), so the engine's default applies.
    /// </summary>
    public sealed class ComposeService
    {
        public string Name { get; init; } = string.Empty;

        public string? Image { get; init; }

        public ComposeBuild? Build { get; init; }

        /// <summary>The command's arguments; a string in the file is split into words as a POSIX shell would. Null: the image's.</summary>
        public IReadOnlyList<string>? Command { get; init; }

        /// <summary>As <see cref="Command"/>; an empty list clears the image's entrypoint.</summary>
        public IReadOnlyList<string>? Entrypoint { get; init; }

        /// <summary>
        /// env_file entries overlaid by environment. A variable the file names without a value takes the value of the
        /// reader's environment; null when that has none either (the variable is left unset).
        /// </summary>
        public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

        /// <summary>The env_file paths read, full paths.</summary>
        public IReadOnlyList<string> EnvFiles { get; init; } = Array.Empty<string>();

        public IReadOnlyList<ComposePort> Ports { get; init; } = Array.Empty<ComposePort>();

        /// <summary>Container ports exposed to other services only (<c>expose</c>), as written ("80", "8000-8010/udp").</summary>
        public IReadOnlyList<string> Expose { get; init; } = Array.Empty<string>();

        public IReadOnlyList<ComposeMount> Volumes { get; init; } = Array.Empty<ComposeMount>();

        /// <summary>Networks by their key in the project's networks; <c>default</c> when the service names none and has no network_mode.</summary>
        public IReadOnlyDictionary<string, ComposeServiceNetwork> Networks { get; init; } = new Dictionary<string, ComposeServiceNetwork>();

        public string? NetworkMode { get; init; }

        public IReadOnlyDictionary<string, ComposeDependency> DependsOn { get; init; } = new Dictionary<string, ComposeDependency>();

        public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

        public ComposeDeploy? Deploy { get; init; }

        /// <summary>scale: the number of containers on one engine, deploy.replicas' older name (the reader refuses both, different).</summary>
        public int? Scale { get; init; }

        /// <summary>no, always, on-failure[:N] or unless-stopped.</summary>
        public string? Restart { get; init; }

        public string? User { get; init; }

        public string? WorkingDir { get; init; }

        public string? Hostname { get; init; }

        public string? ContainerName { get; init; }

        public IReadOnlyList<ComposeFileReference> Secrets { get; init; } = Array.Empty<ComposeFileReference>();

        public IReadOnlyList<ComposeFileReference> Configs { get; init; } = Array.Empty<ComposeFileReference>();

        public IReadOnlyList<string> Profiles { get; init; } = Array.Empty<string>();

        public ComposeHealthcheck? Healthcheck { get; init; }

        public bool? Tty { get; init; }

        public bool? StdinOpen { get; init; }

        public bool? Privileged { get; init; }

        public bool? ReadOnly { get; init; }

        public bool? Init { get; init; }

        public string? StopSignal { get; init; }

        /// <summary>As written: a Go duration such as "1m30s".</summary>
        public string? StopGracePeriod { get; init; }

        public IReadOnlyList<string> CapAdd { get; init; } = Array.Empty<string>();

        public IReadOnlyList<string> CapDrop { get; init; } = Array.Empty<string>();

        /// <summary>HOST:IP entries (<c>extra_hosts</c>, list or map in the file).</summary>
        public IReadOnlyList<string> ExtraHosts { get; init; } = Array.Empty<string>();

        public IReadOnlyList<string> Dns { get; init; } = Array.Empty<string>();

        public string? Platform { get; init; }

        /// <summary>always, never, missing or build (if_not_present is read as missing).</summary>
        public string? PullPolicy { get; init; }

        /// <summary>
        /// The keys the service sets, after merging and extends, in the file's order: what a consumer that applies only
        /// some of them names in its warnings. Not part of what the service is (their values are), so not serialized.
        /// </summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public IReadOnlyList<string> Keys { get; init; } = Array.Empty<string>();
    }
}
