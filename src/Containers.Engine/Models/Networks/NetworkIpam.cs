namespace Containers.Engine.Models
{
    /// <summary>How a network hands out addresses.</summary>
    public sealed class NetworkIpam
    {
        /// <summary>default, or an IPAM plugin's name.</summary>
        public string? Driver { get; set; }

        public List<NetworkIpamConfig>? Config { get; set; }

        public Dictionary<string, string>? Options { get; set; }
    }

    /// <summary>One address pool of a network.</summary>
    public sealed class NetworkIpamConfig
    {
        public string? Subnet { get; set; }

        public string? IPRange { get; set; }

        public string? Gateway { get; set; }

        public Dictionary<string, string>? AuxiliaryAddresses { get; set; }
    }
}
