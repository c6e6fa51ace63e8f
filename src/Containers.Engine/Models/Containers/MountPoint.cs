namespace Containers.Engine.Models
{
    /// <summary>A mount as the engine reports it for an existing container.</summary>
    public sealed class MountPoint
    {
        public string? Type { get; set; }

        public string? Name { get; set; }

        public string? Source { get; set; }

        public string? Destination { get; set; }

        public string? Driver { get; set; }

        public string? Mode { get; set; }

        public bool RW { get; set; }

        public string? Propagation { get; set; }

        /// <summary>As -v reads it: the volume's name (or the host path) and where it is mounted, <c>:ro</c> when read-only.</summary>
        public override string ToString() =>
            (Type == "volume" && !string.IsNullOrEmpty(Name) ? Name : Source) + ":" + Destination + (RW ? string.Empty : ":ro");
    }
}
