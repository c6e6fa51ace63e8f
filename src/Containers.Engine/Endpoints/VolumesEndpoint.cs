using Containers.Engine.Http;
using Containers.Engine.Models;

namespace Containers.Engine.Endpoints
{
    /// <summary>The <c>/volumes</c> endpoints.</summary>
    public sealed partial class VolumesEndpoint
    {
        private readonly EngineCalls _client;

        internal VolumesEndpoint(EngineCalls client)
        {
            _client = client;
        }

        /// <summary>Every volume, or those the filters (name, driver, label, dangling) select.</summary>
        public Task<VolumeListResponse> ListAsync(Filters? filters = null, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("GET", "/volumes");
            request.Query.Add("filters", filters?.ToJson());
            request.ShortAnswerOnBlockingConnection = true;
            return _client.SendAsync<VolumeListResponse>(request, cancellationToken);
        }
    }
}
