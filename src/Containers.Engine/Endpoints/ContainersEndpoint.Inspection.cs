using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Containers.Engine.Errors;
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
            byte[] body = await response.ReadAllBytesAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // The engine answers null, not [], for a container that changed nothing.
                return JsonSerializer.Deserialize<List<ContainerChangeResponseItem>?>(body, EngineJson.Options) ?? new List<ContainerChangeResponseItem>();
            }
            catch (JsonException e)
            {
                throw new EngineException($"The engine's answer to {request.Method} {request.Path} is not the JSON expected: {e.Message}", response.StatusCode, e);
            }
        }
    }
}
