namespace Containers.Engine.Models
{
    /// <summary>One layer of <c>GET /images/{name}/history</c>, newest first.</summary>
    public sealed class ImageHistoryItem
    {
        /// <summary>The image id of this step, or <c>&lt;missing&gt;</c> for steps built elsewhere.</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>Unix seconds.</summary>
        public long Created { get; set; }

        public string? CreatedBy { get; set; }

        public List<string>? Tags { get; set; }

        /// <summary>Bytes this step added.</summary>
        public long Size { get; set; }

        public string? Comment { get; set; }
    }
}
