namespace Containers.Engine.Models
{
    /// <summary><c>GET /containers/{id}/json</c>: everything the engine knows about one container.</summary>
    public sealed class ContainerInspect
    {
        public string Id { get; set; } = string.Empty;

        /// <summary>RFC 3339 with nanoseconds.</summary>
        public string? Created { get; set; }

        public string? Path { get; set; }

        public List<string>? Args { get; set; }

        public ContainerState? State { get; set; }

        /// <summary>The image id (sha256:...); <see cref="ContainerConfig.Image"/> holds the name it was created from.</summary>
        public string? Image { get; set; }

        public string? ResolvConfPath { get; set; }

        public string? HostnamePath { get; set; }

        public string? HostsPath { get; set; }

        public string? LogPath { get; set; }

        /// <summary>With the leading slash the engine keeps.</summary>
        public string? Name { get; set; }

        public int RestartCount { get; set; }

        public string? Driver { get; set; }

        public string? Platform { get; set; }

        public HostConfig? HostConfig { get; set; }

        public ContainerConfig? Config { get; set; }

        public InspectNetworkSettings? NetworkSettings { get; set; }

        public List<MountPoint>? Mounts { get; set; }

        public long? SizeRw { get; set; }

        public long? SizeRootFs { get; set; }
    }

    /// <summary>The running state of a container.</summary>
    public sealed class ContainerState
    {
        public string? Status { get; set; }

        public bool Running { get; set; }

        public bool Paused { get; set; }

        public bool Restarting { get; set; }

        public bool OOMKilled { get; set; }

        public bool Dead { get; set; }

        public int Pid { get; set; }

        public int ExitCode { get; set; }

        public string? Error { get; set; }

        public string? StartedAt { get; set; }

        public string? FinishedAt { get; set; }

        public ContainerHealth? Health { get; set; }
    }

    public sealed class ContainerHealth
    {
        public string? Status { get; set; }

        public int FailingStreak { get; set; }

        /// <summary>The last checks (the engine keeps five), oldest first.</summary>
        public List<HealthcheckResult>? Log { get; set; }
    }

    /// <summary>One run of a container's healthcheck.</summary>
    public sealed class HealthcheckResult
    {
        public string? Start { get; set; }

        public string? End { get; set; }

        public int ExitCode { get; set; }

        public string? Output { get; set; }
    }

    /// <summary>Addresses, published ports and networks of an inspected container.</summary>
    public sealed class InspectNetworkSettings
    {
        public string? IPAddress { get; set; }

        public string? Gateway { get; set; }

        public string? MacAddress { get; set; }

        /// <summary>Keys like <c>80/tcp</c>; null values for exposed but unpublished ports.</summary>
        public Dictionary<string, List<PortBinding>?>? Ports { get; set; }

        public Dictionary<string, EndpointSettings>? Networks { get; set; }
    }
}
