using Containers.Engine.Http;
using Containers.Engine.Models;

namespace Containers.Engine.Endpoints
{
    /// <summary>The <c>/networks</c> endpoints.</summary>
    public sealed partial class NetworksEndpoint
    {
        private readonly EngineCalls _client;

        internal NetworksEndpoint(EngineCalls client)
        {
            _client = client;
        }

        /// <summary>Every network, or those the filters (name, id, driver, label, scope, type, dangling) select.</summary>
        public Task<List<NetworkResource>> ListAsync(Filters? filters = null, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("GET", "/networks");
            request.Query.Add("filters", filters?.ToJson());
            request.ShortAnswerOnBlockingConnection = true;
            return _client.SendAsync<List<NetworkResource>>(request, cancellationToken);
        }
    }
}
