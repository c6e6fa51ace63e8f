namespace Containers.Engine.Models
{
    /// <summary>The answer to <c>GET /volumes</c>: the volumes, and warnings about drivers that did not answer.</summary>
    public sealed class VolumeListResponse
    {
        public List<Volume>? Volumes { get; set; }

        public List<string>? Warnings { get; set; }
    }
}
