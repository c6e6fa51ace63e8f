namespace Containers.Engine.Models
{
    /// <summary>A mount in a create request: <c>bind</c>, <c>volume</c> or <c>tmpfs</c>.</summary>
    public sealed class Mount
    {
        public string? Type { get; set; }

        public string? Source { get; set; }

        public string? Target { get; set; }

        public bool ReadOnly { get; set; }

        public string? Consistency { get; set; }

        public MountBindOptions? BindOptions { get; set; }

        public MountVolumeOptions? VolumeOptions { get; set; }

        public MountTmpfsOptions? TmpfsOptions { get; set; }
    }

    public sealed class MountBindOptions
    {
        public string? Propagation { get; set; }
    }

    public sealed class MountVolumeOptions
    {
        public bool NoCopy { get; set; }

        public Dictionary<string, string>? Labels { get; set; }

        public MountDriverConfig? DriverConfig { get; set; }
    }

    public sealed class MountDriverConfig
    {
        public string? Name { get; set; }

        public Dictionary<string, string>? Options { get; set; }
    }

    public sealed class MountTmpfsOptions
    {
        public long? SizeBytes { get; set; }

        public int? Mode { get; set; }
    }
}
