namespace Containers.Engine.Models
{
    /// <summary>One entry of <c>GET /images/json</c>.</summary>
    public sealed class ImageSummary
    {
        /// <summary>The image id, <c>sha256:</c> and 64 hex digits.</summary>
        public string Id { get; set; } = string.Empty;

        public string? ParentId { get; set; }

        /// <summary>repository:tag names; empty (or <c>&lt;none&gt;:&lt;none&gt;</c> on older engines) for a dangling image.</summary>
        public List<string>? RepoTags { get; set; }

        /// <summary>repository@sha256:digest names, for images pulled from or pushed to a registry.</summary>
        public List<string>? RepoDigests { get; set; }

        /// <summary>Unix seconds.</summary>
        public long Created { get; set; }

        /// <summary>Bytes, shared layers included.</summary>
        public long Size { get; set; }

        /// <summary>Bytes shared with other images; -1 when the engine did not compute it.</summary>
        public long SharedSize { get; set; }

        /// <summary>Older engines' name for <see cref="Size"/>; absent from API 1.44.</summary>
        public long? VirtualSize { get; set; }

        public Dictionary<string, string>? Labels { get; set; }

        /// <summary>How many containers use the image; -1 when the engine did not count them.</summary>
        public long Containers { get; set; }
    }
}
