namespace Containers.Engine.Models
{
    /// <summary>The body of <c>POST /networks/create</c>.</summary>
    public sealed class NetworkCreateRequest
    {
        public string Name { get; set; } = string.Empty;

        /// <summary>
        /// Refuse a name already in use. API 1.44 and later always check and ignore this; before that, without it the
        /// engine quietly makes a second network of the same name, which every later call by name then finds ambiguous.
        /// </summary>
        public bool CheckDuplicate { get; set; } = true;

        /// <summary>bridge when absent; overlay, macvlan, ipvlan or a plugin's name.</summary>
        public string? Driver { get; set; }

        /// <summary>No route out of the network.</summary>
        public bool Internal { get; set; }

        /// <summary>Swarm networks: standalone containers may attach too.</summary>
        public bool Attachable { get; set; }

        public bool EnableIPv6 { get; set; }

        /// <summary>Address pools; null lets the engine pick a subnet.</summary>
        public NetworkIpam? IPAM { get; set; }

        /// <summary>The driver's options, for example com.docker.network.bridge.name.</summary>
        public Dictionary<string, string>? Options { get; set; }

        public Dictionary<string, string>? Labels { get; set; }
    }
}
