namespace Containers.Engine.Endpoints
{
    /// <summary>Query options of <c>GET /containers/{id}/logs</c>.</summary>
    public sealed class ContainerLogsParameters
    {
        public bool Stdout { get; set; } = true;

        public bool Stderr { get; set; } = true;

        public bool Follow { get; set; }

        public bool Timestamps { get; set; }

        /// <summary>Unix seconds, with a fraction (the engine accepts <c>1700000000.123456789</c>).</summary>
        public string? Since { get; set; }

        public string? Until { get; set; }

        /// <summary>A number of lines from the end, or null for all.</summary>
        public int? Tail { get; set; }
    }
}
