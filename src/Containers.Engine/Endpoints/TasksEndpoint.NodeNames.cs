using Containers.Engine.Http;

namespace Containers.Engine.Endpoints
{
    public sealed partial class TasksEndpoint
    {
        /// <summary>
        /// The host name of each node, by node id, for showing where tasks run (docker service ps's NODE column).
        /// Reads <c>GET /nodes</c> for just that; the node endpoint proper is <see cref="NodesEndpoint"/>'s, and this
        /// call can move onto it once that lists nodes.
        /// </summary>
        public async Task<IReadOnlyDictionary<string, string>> NodeHostNamesAsync(CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("GET", "/nodes");
            List<NodeName> nodes = await _client.SendAsync<List<NodeName>>(request, cancellationToken).ConfigureAwait(false);
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (NodeName node in nodes)
            {
                if (!string.IsNullOrEmpty(node.ID) && !string.IsNullOrEmpty(node.Description?.Hostname))
                {
                    names[node.ID!] = node.Description!.Hostname!;
                }
            }

            return names;
        }

        /// <summary>The part of a node this lookup reads.</summary>
        private sealed class NodeName
        {
            public string? ID { get; set; }

            public NodeDescription? Description { get; set; }
        }

        private sealed class NodeDescription
        {
            public string? Hostname { get; set; }
        }
    }
}
