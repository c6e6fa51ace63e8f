using System.Text.Json;

namespace Containers.Engine.Models
{
    /// <summary>A volume, as <c>GET /volumes</c> lists it (and <c>GET /volumes/{name}</c> inspects it).</summary>
    public sealed class Volume
    {
        public string Name { get; set; } = string.Empty;

        /// <summary>local, or a volume plugin's name.</summary>
        public string? Driver { get; set; }

        /// <summary>Where the volume lives on the engine's host.</summary>
        public string? Mountpoint { get; set; }

        /// <summary>RFC 3339.</summary>
        public string? CreatedAt { get; set; }

        public Dictionary<string, string>? Labels { get; set; }

        /// <summary>local or global.</summary>
        public string? Scope { get; set; }

        /// <summary>The driver options the volume was created with.</summary>
        public Dictionary<string, string>? Options { get; set; }

        /// <summary>
        /// What the driver reports about the volume, in its own shape; only <c>GET /volumes/{name}</c> fills it, and only
        /// for drivers that report anything (local does not).
        /// </summary>
        public Dictionary<string, JsonElement>? Status { get; set; }

        /// <summary>Only filled by <c>GET /system/df</c>; null elsewhere.</summary>
        public VolumeUsageData? UsageData { get; set; }
    }

    /// <summary>How much a volume holds and how many containers use it; -1 where the engine did not compute it.</summary>
    public sealed class VolumeUsageData
    {
        public long Size { get; set; }

        public long RefCount { get; set; }
    }
}
