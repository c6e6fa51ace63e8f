using Containers.Engine.Http;
using Containers.Engine.Json;
using Containers.Engine.Models;

namespace Containers.Engine.Endpoints
{
    /// <summary><c>GET /containers/{id}/top</c> and <c>GET /containers/{id}/changes</c>: what runs in a container, and what it changed.</summary>
    public sealed partial class ContainersEndpoint
    {
        /// <summary>The container's processes, as ps shows them with <paramref name="psArgs"/> (the engine's default, -ef, when null).</summary>
        public Task<ContainerTopResponse> TopAsync(string id, string? psArgs = null, CancellationToken cancellationToken = default)
        {
            var request = Request("GET", id, "top");
            request.Query.Add("ps_args", string.IsNullOrEmpty(psArgs) ? null : psArgs);
            return _client.SendAsync<ContainerTopResponse>(request, cancellationToken);
        }

        /// <summary>The paths added, changed or deleted in the container's filesystem since it was created from its image.</summary>
        public async Task<List<ContainerChangeResponseItem>> ChangesAsync(string id, CancellationToken cancellationToken = default)
        {
            EngineRequest request = Request("GET", id, "changes");
            using EngineResponse response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);

            // The engine answers null, not [], for a container that changed nothing.
            return await JsonBody.ReadOrNullAsync<List<ContainerChangeResponseItem>>(response.Content, request.Method + " " + request.Path, response.StatusCode, cancellationToken).ConfigureAwait(false)
                ?? new List<ContainerChangeResponseItem>();
        }
    }
}
