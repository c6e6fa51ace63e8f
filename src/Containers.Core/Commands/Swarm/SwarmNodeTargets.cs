using Containers.Commands.Targets;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Text;

namespace Containers.Commands.Swarm
{
    /// <summary>
    /// Swarm nodes as targets: a literal host name, id or id prefix passes through (the manager resolves all three); a
    /// wildcard matches host names and ids, and each node it matches is named by its host name, or by its id where two
    /// nodes share a host name.
    /// </summary>
    public static class SwarmNodeTargets
    {
        /// <summary>For error ids: SwarmNodeNotFound, ...</summary>
        public const string Resource = "SwarmNode";

        public static readonly TargetKind Kind = new TargetKind("swarm node", Resource, MatchAsync);

        /// <summary>The engine's own node id (GET /info), to tell which node is the one asked; null outside a swarm.</summary>
        public static async Task<string?> SelfIdAsync(ContainerEngine engine, CancellationToken cancellationToken)
        {
            string? id = (await engine.Client.System.InfoAsync(cancellationToken)).Swarm?.NodeID;
            return string.IsNullOrEmpty(id) ? null : id;
        }

        /// <summary>Whether <paramref name="pattern"/> names <paramref name="node"/>: its host name or its id.</summary>
        public static bool Matches(Wildcard pattern, SwarmNode node) =>
            pattern.IsMatch(node.Description?.Hostname ?? string.Empty) || pattern.IsMatch(node.ID);

        private static async Task<IEnumerable<string>> MatchAsync(ContainerEngine engine, string pattern, CancellationToken cancellationToken)
        {
            List<SwarmNode> nodes = await engine.Client.Nodes.ListAsync(null, cancellationToken);
            var wildcard = new Wildcard(pattern);
            ILookup<string, SwarmNode> byHostName = nodes.ToLookup(node => node.Description?.Hostname ?? string.Empty, StringComparer.Ordinal);
            return nodes
                .Where(node => Matches(wildcard, node))
                .Select(node => node.Description?.Hostname is string host && host.Length > 0 && byHostName[host].Count() == 1 ? host : node.ID);
        }
    }
}
