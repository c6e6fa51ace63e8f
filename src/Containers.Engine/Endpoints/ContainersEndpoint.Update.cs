using Containers.Engine.Models;

namespace Containers.Engine.Endpoints
{
    /// <summary><c>POST /containers/{id}/update</c>.</summary>
    public sealed partial class ContainersEndpoint
    {
        /// <summary>Changes a container's resource limits and restart policy; the answer holds the engine's warnings.</summary>
        public Task<ContainerUpdateResponse> UpdateAsync(string id, ContainerUpdateRequest body, CancellationToken cancellationToken = default)
        {
            var request = Request("POST", id, "update");
            request.Content = EngineCalls.JsonContent(body);
            return _client.SendAsync<ContainerUpdateResponse>(request, cancellationToken);
        }
    }
}
