namespace Containers.Engine.Models
{
    /// <summary>A network, as <c>GET /networks</c> lists it (and <c>GET /networks/{id}</c> inspects it).</summary>
    public sealed class NetworkResource
    {
        public string Name { get; set; } = string.Empty;

        public string Id { get; set; } = string.Empty;

        /// <summary>RFC 3339 with nanoseconds.</summary>
        public string? Created { get; set; }

        /// <summary>local, global or swarm.</summary>
        public string? Scope { get; set; }

        /// <summary>bridge, host, null, overlay, macvlan, ipvlan or a plugin's name.</summary>
        public string? Driver { get; set; }

        public bool EnableIPv6 { get; set; }

        public NetworkIpam? IPAM { get; set; }

        public bool Internal { get; set; }

        public bool Attachable { get; set; }

        public bool Ingress { get; set; }

        /// <summary>The containers attached, by container id. A listing leaves this empty; inspect fills it.</summary>
        public Dictionary<string, NetworkEndpoint>? Containers { get; set; }

        public Dictionary<string, string>? Options { get; set; }

        public Dictionary<string, string>? Labels { get; set; }
    }
}
