namespace Containers.Engine.Models
{
    /// <summary>One entry of <c>GET /containers/json</c>.</summary>
    public sealed class ContainerSummary
    {
        public string Id { get; set; } = string.Empty;

        public List<string>? Names { get; set; }

        public string? Image { get; set; }

        public string? ImageID { get; set; }

        public string? Command { get; set; }

        /// <summary>Unix seconds.</summary>
        public long Created { get; set; }

        public List<PortSummary>? Ports { get; set; }

        public long? SizeRw { get; set; }

        public long? SizeRootFs { get; set; }

        public Dictionary<string, string>? Labels { get; set; }

        public string? State { get; set; }

        public string? Status { get; set; }

        public SummaryHostConfig? HostConfig { get; set; }

        public SummaryNetworkSettings? NetworkSettings { get; set; }

        public List<MountPoint>? Mounts { get; set; }
    }

    /// <summary>The part of the host configuration a listing carries.</summary>
    public sealed class SummaryHostConfig
    {
        public string? NetworkMode { get; set; }
    }

    /// <summary>The networks a listed container is attached to.</summary>
    public sealed class SummaryNetworkSettings
    {
        public Dictionary<string, EndpointSettings>? Networks { get; set; }
    }
}
