using Containers.Engine.Http;
using Containers.Engine.Models;

namespace Containers.Engine.Endpoints
{
    public sealed partial class SystemEndpoint
    {
        /// <summary>
        /// <c>GET /system/df</c>. The engine walks every container's writable layer and every local volume to size
        /// them, which takes long on a busy host: no response timeout.
        /// </summary>
        public Task<DiskUsageResponse> DiskUsageAsync(CancellationToken cancellationToken = default) =>
            _client.SendAsync<DiskUsageResponse>(new EngineRequest("GET", "/system/df") { Timeout = ResponseTimeout.None }, cancellationToken);
    }
}
