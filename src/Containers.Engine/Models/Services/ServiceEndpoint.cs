using System.Text.Json;
using System.Text.Json.Serialization;

namespace Containers.Engine.Models
{
    /// <summary>How a service's ports are published: the ingress routing mesh (vip) or DNS round robin (dnsrr).</summary>
    public sealed class EndpointSpec
    {
        public string? Mode { get; set; }

        public List<EndpointPortConfig>? Ports { get; set; }
    }

    /// <summary>One published port of a service.</summary>
    public sealed class EndpointPortConfig
    {
        public string? Name { get; set; }

        /// <summary>tcp, udp or sctp.</summary>
        public string? Protocol { get; set; }

        public uint TargetPort { get; set; }

        /// <summary>0: the swarm picks one (ingress mode).</summary>
        public uint? PublishedPort { get; set; }

        /// <summary>ingress (every node, the routing mesh) or host (the node the task runs on).</summary>
        public string? PublishMode { get; set; }
    }

    /// <summary>A service's endpoint as the swarm made it: the ports with the published numbers it chose.</summary>
    public sealed class ServiceEndpoint
    {
        public EndpointSpec? Spec { get; set; }

        public List<EndpointPortConfig>? Ports { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Extra { get; set; }
    }
}
