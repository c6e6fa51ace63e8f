namespace Containers.Engine.Models
{
    /// <summary>A container's attachment to one network: in create requests and in inspect output.</summary>
    public sealed class EndpointSettings
    {
        public List<string>? Aliases { get; set; }

        public string? NetworkID { get; set; }

        public string? EndpointID { get; set; }

        public string? Gateway { get; set; }

        public string? IPAddress { get; set; }

        public int? IPPrefixLen { get; set; }

        public string? IPv6Gateway { get; set; }

        public string? GlobalIPv6Address { get; set; }

        public string? MacAddress { get; set; }

        public EndpointIpamConfig? IPAMConfig { get; set; }
    }

    /// <summary>Static addresses asked for when attaching to a network.</summary>
    public sealed class EndpointIpamConfig
    {
        public string? IPv4Address { get; set; }

        public string? IPv6Address { get; set; }
    }
}
