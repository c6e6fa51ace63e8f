namespace Containers.Models
{
    /// <summary>A container attached to a network, as Get-ContainerNetwork lists it in Containers.</summary>
    public sealed class ContainerNetworkEndpoint
    {
        public ContainerNetworkEndpoint(string containerId, string name, string? ipv4Address, string? ipv6Address, string? macAddress)
        {
            ContainerId = containerId;
            Name = name;
            IPv4Address = ipv4Address;
            IPv6Address = ipv6Address;
            MacAddress = macAddress;
        }

        public string ContainerId { get; }

        /// <summary>The container's name.</summary>
        public string Name { get; }

        /// <summary>CIDR form, for example 10.231.1.10/24.</summary>
        public string? IPv4Address { get; }

        public string? IPv6Address { get; }

        public string? MacAddress { get; }

        public override string ToString() => Name.Length > 0 ? Name : ContainerId;
    }
}
