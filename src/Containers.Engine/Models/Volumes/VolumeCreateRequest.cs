namespace Containers.Engine.Models
{
    /// <summary>The body of <c>POST /volumes/create</c>. Null fields are left out, so the engine applies its defaults.</summary>
    public sealed class VolumeCreateRequest
    {
        /// <summary>Null or empty: the engine names the volume (64 hex digits, like an anonymous volume).</summary>
        public string? Name { get; set; }

        /// <summary>Null: local.</summary>
        public string? Driver { get; set; }

        /// <summary>Passed to the driver as is: for local, <c>type</c>, <c>device</c> and <c>o</c> as mount(8) reads them.</summary>
        public Dictionary<string, string>? DriverOpts { get; set; }

        public Dictionary<string, string>? Labels { get; set; }
    }
}
