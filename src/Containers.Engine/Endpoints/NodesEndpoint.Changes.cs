using Containers.Engine.Errors;
using Containers.Engine.Http;
using Containers.Engine.Models;

namespace Containers.Engine.Endpoints
{
    public sealed partial class NodesEndpoint
    {
        /// <summary>
        /// Replaces the node's spec. <paramref name="version"/> is the version the spec was read at: when someone changed the
        /// node since, the manager refuses with "update out of sequence" and nothing changes.
        /// </summary>
        public Task UpdateAsync(string id, ulong version, SwarmNodeSpec spec, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("POST", "/nodes/" + PathSegment.Escape(id, "node") + "/update").About(EngineResourceKind.Unknown, id);
            request.Query.Add("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Content = EngineCalls.JsonContent(spec);
            return _client.SendNoContentAsync(request, cancellationToken);
        }

        /// <summary>
        /// Removes a node from the swarm. A node that is still up is refused unless <paramref name="force"/>; a manager is
        /// refused until it is demoted, force or not.
        /// </summary>
        public Task RemoveAsync(string idOrName, bool force, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("DELETE", "/nodes/" + PathSegment.Escape(idOrName, "node")).About(EngineResourceKind.Unknown, idOrName);
            request.Query.AddFlag("force", force);
            return _client.SendNoContentAsync(request, cancellationToken);
        }
    }
}
