namespace Containers.Engine.Models
{
    /// <summary><c>GET /images/{name}/json</c>: what docker image inspect shows.</summary>
    public sealed class ImageInspect
    {
        /// <summary><c>sha256:</c> and 64 hex digits.</summary>
        public string Id { get; set; } = string.Empty;

        public List<string>? RepoTags { get; set; }

        public List<string>? RepoDigests { get; set; }

        public string? Parent { get; set; }

        public string? Comment { get; set; }

        /// <summary>RFC 3339 with nanoseconds.</summary>
        public string? Created { get; set; }

        /// <summary>The container a commit made this image from.</summary>
        public string? Container { get; set; }

        public string? DockerVersion { get; set; }

        public string? Author { get; set; }

        /// <summary>The configuration containers of this image start with (Cmd, Entrypoint, Env, Labels, ...).</summary>
        public ContainerConfig? Config { get; set; }

        public string? Architecture { get; set; }

        public string? Variant { get; set; }

        public string? Os { get; set; }

        /// <summary>Bytes, shared layers included.</summary>
        public long Size { get; set; }

        public ImageRootFs? RootFS { get; set; }

        public ImageMetadata? Metadata { get; set; }
    }

    public sealed class ImageRootFs
    {
        public string? Type { get; set; }

        /// <summary>The layers' diff ids, bottom first.</summary>
        public List<string>? Layers { get; set; }
    }

    public sealed class ImageMetadata
    {
        /// <summary>When the image was last tagged, RFC 3339; empty when never.</summary>
        public string? LastTagTime { get; set; }
    }
}
