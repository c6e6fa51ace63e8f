namespace Containers.Engine.Endpoints
{
    /// <summary>How to ask for a container's resource usage.</summary>
    public sealed class ContainerStatsParameters
    {
        /// <summary>
        /// A frame about every second until the caller stops reading. Without it the engine answers with one frame,
        /// after priming it with a first reading (about a second), so its CPU figures cover an interval.
        /// </summary>
        public bool Stream { get; set; }

        /// <summary>
        /// With <see cref="Stream"/> off: answer at once, without priming, so the frame's previous CPU figures are zero.
        /// API 1.41 and later; older engines are asked without it.
        /// </summary>
        public bool OneShot { get; set; }
    }
}
