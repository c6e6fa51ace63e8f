namespace Containers.Engine.Models
{
    /// <summary>
    /// The swarm as a manager reports it (<c>GET /swarm</c>): its id and version, its spec, the join tokens, and the address
    /// pools overlay networks take their subnets from. Only managers answer; workers and engines outside a swarm get 503.
    /// </summary>
    public sealed class SwarmCluster : SwarmObject
    {
        public SwarmSpec? Spec { get; set; }

        /// <summary>The secrets a node shows to join as a worker or a manager.</summary>
        public SwarmJoinTokens? JoinTokens { get; set; }

        /// <summary>The CIDR pools overlay networks take their subnets from (10.0.0.0/8 unless set at init).</summary>
        public List<string>? DefaultAddrPool { get; set; }

        /// <summary>The prefix length of each subnet taken from the pools (24 unless set at init).</summary>
        public uint SubnetSize { get; set; }

        /// <summary>The UDP port of overlay traffic (VXLAN), 4789 unless set at init.</summary>
        public uint DataPathPort { get; set; }

        public bool RootRotationInProgress { get; set; }
    }
}
