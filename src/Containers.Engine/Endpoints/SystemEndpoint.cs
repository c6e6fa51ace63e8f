using Containers.Engine.Http;
using Containers.Engine.Models;

namespace Containers.Engine.Endpoints
{
    /// <summary>The system endpoints: ping, version, info.</summary>
    public sealed partial class SystemEndpoint
    {
        private readonly EngineCalls _client;

        internal SystemEndpoint(EngineCalls client)
        {
            _client = client;
        }

        /// <summary><c>/_ping</c>, unversioned: answers even when no API version could be agreed.</summary>
        public Task<PingResult> PingAsync(CancellationToken cancellationToken = default) => _client.PingAsync(cancellationToken);

        public Task<VersionResponse> VersionAsync(CancellationToken cancellationToken = default) =>
            _client.SendAsync<VersionResponse>(new EngineRequest("GET", "/version"), cancellationToken);

        public Task<SystemInfo> InfoAsync(CancellationToken cancellationToken = default) =>
            _client.SendAsync<SystemInfo>(new EngineRequest("GET", "/info"), cancellationToken);
    }
}
