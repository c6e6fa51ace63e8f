using Containers.Engine.Errors;
using Containers.Engine.Http;
using Containers.Engine.Models;

namespace Containers.Engine.Endpoints
{
    /// <summary>Inspect, create, remove, connect, disconnect and prune: everything but the listing.</summary>
    public sealed partial class NetworksEndpoint
    {
        /// <summary>One network by name, id or id prefix, with the containers attached to it.</summary>
        public Task<NetworkResource> InspectAsync(string idOrName, CancellationToken cancellationToken = default)
        {
            EngineRequest request = Request("GET", idOrName, null);
            request.ShortAnswerOnBlockingConnection = true;
            return _client.SendAsync<NetworkResource>(request, cancellationToken);
        }

        public Task<NetworkCreateResponse> CreateAsync(NetworkCreateRequest body, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("POST", "/networks/create").About(EngineResourceKind.Network, body.Name);
            request.Content = EngineCalls.JsonContent(body);
            return _client.SendAsync<NetworkCreateResponse>(request, cancellationToken);
        }

        public Task RemoveAsync(string idOrName, CancellationToken cancellationToken = default) =>
            _client.SendNoContentAsync(Request("DELETE", idOrName, null), cancellationToken);

        /// <summary>
        /// Attaches a container. A 404 is about the network ("network X not found") or the container ("No such
        /// container"); the error mapper tells them apart by the message.
        /// </summary>
        public Task ConnectAsync(string idOrName, NetworkConnectRequest body, CancellationToken cancellationToken = default)
        {
            EngineRequest request = Request("POST", idOrName, "connect");
            request.Content = EngineCalls.JsonContent(body);
            return _client.SendNoContentAsync(request, cancellationToken);
        }

        public Task DisconnectAsync(string idOrName, NetworkDisconnectRequest body, CancellationToken cancellationToken = default)
        {
            EngineRequest request = Request("POST", idOrName, "disconnect");
            request.Content = EngineCalls.JsonContent(body);
            return _client.SendNoContentAsync(request, cancellationToken);
        }

        /// <summary>Removes the networks no container uses (label and until filters); the predefined ones are never removed.</summary>
        public Task<NetworkPruneResponse> PruneAsync(Filters? filters = null, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("POST", "/networks/prune");
            request.Query.Add("filters", filters?.ToJson());
            return _client.SendAsync<NetworkPruneResponse>(request, cancellationToken);
        }

        private static EngineRequest Request(string method, string idOrName, string? action) =>
            new EngineRequest(method, "/networks/" + PathSegment.Escape(idOrName, "network") + (action == null ? string.Empty : "/" + action))
                .About(EngineResourceKind.Network, idOrName);
    }
}
