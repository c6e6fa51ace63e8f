using Containers.Engine.Errors;
using Containers.Engine.Http;
using Containers.Engine.Models;

namespace Containers.Engine.Endpoints
{
    /// <summary>The <c>/nodes</c> endpoints: a swarm's nodes. Only managers answer (503 elsewhere).</summary>
    public sealed partial class NodesEndpoint
    {
        private readonly EngineCalls _client;

        internal NodesEndpoint(EngineCalls client)
        {
            _client = client;
        }

        /// <summary>Every node, or those the filters (id, name, role, membership, node.label, label) select.</summary>
        public Task<List<SwarmNode>> ListAsync(Filters? filters = null, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("GET", "/nodes");
            request.Query.Add("filters", filters?.ToJson());
            request.ShortAnswerOnBlockingConnection = true;
            return _client.SendAsync<List<SwarmNode>>(request, cancellationToken);
        }

        /// <summary>One node by id, id prefix or host name; a missing one is a 404 "node NAME not found".</summary>
        public Task<SwarmNode> InspectAsync(string idOrName, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("GET", "/nodes/" + PathSegment.Escape(idOrName, "node")).About(EngineResourceKind.Unknown, idOrName);
            request.ShortAnswerOnBlockingConnection = true;
            return _client.SendAsync<SwarmNode>(request, cancellationToken);
        }
    }
}
