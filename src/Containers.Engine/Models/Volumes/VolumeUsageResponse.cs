namespace Containers.Engine.Models
{
    /// <summary>
    /// The volume part of <c>GET /system/df</c>: every volume with its <see cref="Volume.UsageData"/> filled in. The other
    /// parts of the answer (images, containers, build cache) are not read here.
    /// </summary>
    public sealed class VolumeUsageResponse
    {
        public List<Volume>? Volumes { get; set; }
    }
}
