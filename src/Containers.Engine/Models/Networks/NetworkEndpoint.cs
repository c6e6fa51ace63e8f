namespace Containers.Engine.Models
{
    /// <summary>A container's endpoint on a network, as network inspect shows it.</summary>
    public sealed class NetworkEndpoint
    {
        /// <summary>The container's name.</summary>
        public string? Name { get; set; }

        public string? EndpointID { get; set; }

        public string? MacAddress { get; set; }

        /// <summary>CIDR form, for example 172.18.0.2/16.</summary>
        public string? IPv4Address { get; set; }

        public string? IPv6Address { get; set; }
    }
}
