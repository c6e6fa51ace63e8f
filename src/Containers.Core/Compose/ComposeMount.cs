namespace Containers.Compose
{
    /// <summary>
    /// One entry of a service's <c>volumes</c>: from the short syntax (<c>"data:/var/lib/data"</c>,
    /// <c>"./src:/src:ro"</c>, <c>"/cache"</c>) or the long one. A relative bind source is a full path here, resolved
    /// against the project directory.
    /// </summary>
    public sealed class ComposeMount
    {
        /// <summary>volume, bind, tmpfs or npipe.</summary>
        public string Type { get; init; } = "volume";

        /// <summary>A volume's key in the project's volumes, a host path, or null (an anonymous volume, a tmpfs).</summary>
        public string? Source { get; init; }

        public string Target { get; init; } = string.Empty;

        public bool ReadOnly { get; init; }

        /// <summary>The short syntax's options other than ro/rw (z, Z, nocopy, a propagation), as written.</summary>
        public IReadOnlyList<string> Options { get; init; } = Array.Empty<string>();

        /// <summary>bind.propagation: rprivate, shared...</summary>
        public string? BindPropagation { get; init; }

        /// <summary>bind.create_host_path; compose creates a missing host path by default.</summary>
        public bool? BindCreateHostPath { get; init; }

        /// <summary>volume.nocopy.</summary>
        public bool? VolumeNoCopy { get; init; }

        /// <summary>tmpfs.size in bytes.</summary>
        public long? TmpfsSize { get; init; }
    }
}
