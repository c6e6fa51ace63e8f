namespace Containers.Engine.Models
{
    /// <summary>The body of <c>POST /containers/create</c>: the configuration with the host and network parts beside it.</summary>
    public sealed class ContainerCreateRequest : ContainerConfig
    {
        public HostConfig? HostConfig { get; set; }

        public NetworkingConfig? NetworkingConfig { get; set; }
    }

    /// <summary>The networks to attach at creation, by name.</summary>
    public sealed class NetworkingConfig
    {
        public Dictionary<string, EndpointSettings>? EndpointsConfig { get; set; }
    }
}
