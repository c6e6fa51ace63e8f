namespace Containers.Engine.Models
{
    /// <summary>The body of <c>POST /swarm/init</c>; what is null is left to the engine's defaults.</summary>
    public sealed class SwarmInitRequest
    {
        /// <summary>Where managers listen for each other and for joining nodes: <c>ADDRESS[:PORT]</c> or an interface name; 0.0.0.0:2377 by default.</summary>
        public string ListenAddr { get; set; } = "0.0.0.0:2377";

        /// <summary>The address other nodes reach this one at: <c>ADDRESS[:PORT]</c> or an interface name; the engine picks one when it can.</summary>
        public string? AdvertiseAddr { get; set; }

        /// <summary>The address (or interface) overlay data traffic uses, when not the advertised one.</summary>
        public string? DataPathAddr { get; set; }

        /// <summary>CIDR pools for overlay networks' subnets.</summary>
        public List<string>? DefaultAddrPool { get; set; }

        /// <summary>The prefix length of each subnet taken from the pools.</summary>
        public uint? SubnetSize { get; set; }

        /// <summary>Required by the engine's decoder (an empty spec means its defaults).</summary>
        public SwarmSpec Spec { get; set; } = new SwarmSpec();
    }
}
