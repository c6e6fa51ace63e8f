namespace Containers.Models
{
    /// <summary>How much a volume holds and how many containers use it, as the engine's disk usage report tells (docker system df -v).</summary>
    public sealed class ContainerVolumeUsage
    {
        public ContainerVolumeUsage(long? size, int? refCount)
        {
            Size = size;
            RefCount = refCount;
        }

        /// <summary>Bytes; null when the driver does not say (only local volumes are sized).</summary>
        public long? Size { get; }

        /// <summary>How many containers, running or not, use the volume; null when the engine did not count.</summary>
        public int? RefCount { get; }

        /// <summary>As the list view shows it: "Size=1.2 MB, RefCount=1", with ? for what the engine did not say.</summary>
        public override string ToString() =>
            "Size=" + (Size.HasValue ? Text.ByteSize.Format(Size.Value) : "?")
            + ", RefCount=" + (RefCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?");
    }
}
