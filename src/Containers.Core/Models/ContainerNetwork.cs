using Containers.Engine.Models;
using Containers.Text;

namespace Containers.Models
{
    /// <summary>A network, as Get-ContainerNetwork and New-ContainerNetwork return it.</summary>
    public sealed class ContainerNetwork
    {
        public string Id { get; private set; } = string.Empty;

        /// <summary>The first 12 characters of the id, as docker network ls shows it.</summary>
        public string ShortId => Id.Length > 12 ? Id.Substring(0, 12) : Id;

        public string Name { get; private set; } = string.Empty;

        /// <summary>bridge, host, null, overlay, macvlan, ipvlan or a plugin's name.</summary>
        public string Driver { get; private set; } = string.Empty;

        /// <summary>local, global or swarm.</summary>
        public string Scope { get; private set; } = string.Empty;

        /// <summary>Local time; null when the engine does not say.</summary>
        public DateTime? Created { get; private set; }

        /// <summary>The address pools, in CIDR form (10.231.1.0/24), IPv4 and IPv6.</summary>
        public ReadableList<string> Subnet { get; private set; } = ReadableList<string>.Empty;

        /// <summary>The gateway of each pool that has one.</summary>
        public ReadableList<string> Gateway { get; private set; } = ReadableList<string>.Empty;

        /// <summary>The ranges containers get addresses from, where narrower than the subnet.</summary>
        public ReadableList<string> IPRange { get; private set; } = ReadableList<string>.Empty;

        /// <summary>No route out of the network.</summary>
        public bool Internal { get; private set; }

        /// <summary>Swarm networks: standalone containers may attach.</summary>
        public bool Attachable { get; private set; }

        public bool IPv6 { get; private set; }

        public ReadableDictionary Labels { get; private set; } = ReadableDictionary.Empty;

        /// <summary>The driver's options.</summary>
        public ReadableDictionary Options { get; private set; } = ReadableDictionary.Empty;

        /// <summary>The containers attached, by name.</summary>
        public ReadableList<ContainerNetworkEndpoint> Containers { get; private set; } = ReadableList<ContainerNetworkEndpoint>.Empty;

        /// <summary>The engine the network lives on: piping it on reaches the same engine.</summary>
        public ContainerEngine Engine { get; private set; } = null!;

        public override string ToString() => Name.Length > 0 ? Name : Id;

        /// <summary>From an inspected network (a listed one has no containers).</summary>
        public static ContainerNetwork FromResource(NetworkResource network, ContainerEngine engine)
        {
            List<NetworkIpamConfig> pools = network.IPAM?.Config ?? new List<NetworkIpamConfig>();
            return new ContainerNetwork
            {
                Id = network.Id,
                Name = network.Name,
                Driver = network.Driver ?? string.Empty,
                Scope = network.Scope ?? string.Empty,
                Created = EngineTime.Parse(network.Created),
                Subnet = NonEmpty(pools.Select(p => p.Subnet)),
                Gateway = NonEmpty(pools.Select(p => p.Gateway)),
                IPRange = NonEmpty(pools.Select(p => p.IPRange)),
                Internal = network.Internal,
                Attachable = network.Attachable,
                IPv6 = network.EnableIPv6,
                Labels = new ReadableDictionary(network.Labels),
                Options = new ReadableDictionary(network.Options),
                Containers = new ReadableList<ContainerNetworkEndpoint>((network.Containers ?? new Dictionary<string, NetworkEndpoint>())
                    .Select(pair => new ContainerNetworkEndpoint(pair.Key, pair.Value.Name ?? string.Empty, Blank(pair.Value.IPv4Address), Blank(pair.Value.IPv6Address), Blank(pair.Value.MacAddress)))
                    .OrderBy(c => c.Name, StringComparer.Ordinal)),
                Engine = engine,
            };
        }

        private static ReadableList<string> NonEmpty(IEnumerable<string?> values) => new ReadableList<string>(values.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!));

        private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }
}
