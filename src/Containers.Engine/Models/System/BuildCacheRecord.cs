namespace Containers.Engine.Models
{
    /// <summary>One build cache record of <c>GET /system/df</c>.</summary>
    public sealed class BuildCacheRecord
    {
        public string ID { get; set; } = string.Empty;

        public string? Parent { get; set; }

        /// <summary>API 1.42 on: the parents, in place of <see cref="Parent"/>.</summary>
        public List<string>? Parents { get; set; }

        /// <summary>internal, frontend, source.local, source.git.checkout, exec.cachemount or regular.</summary>
        public string? Type { get; set; }

        public string? Description { get; set; }

        public bool InUse { get; set; }

        public bool Shared { get; set; }

        /// <summary>Bytes.</summary>
        public long Size { get; set; }

        /// <summary>RFC 3339.</summary>
        public string? CreatedAt { get; set; }

        /// <summary>RFC 3339, or null when never used.</summary>
        public string? LastUsedAt { get; set; }

        public long UsageCount { get; set; }
    }
}
