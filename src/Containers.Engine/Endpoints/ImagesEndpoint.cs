using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Containers.Engine.Http;
using Containers.Engine.Models;

namespace Containers.Engine.Endpoints
{
    /// <summary>The <c>/images</c> endpoints.</summary>
    public sealed class ImagesEndpoint
    {
        private readonly EngineClient _client;

        internal ImagesEndpoint(EngineClient client)
        {
            _client = client;
        }

        public Task<List<ImageSummary>> ListAsync(ImageListParameters parameters, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("GET", "/images/json");
            request.Query.AddFlag("all", parameters.All).Add("filters", parameters.Filters.ToJson());
            return _client.SendAsync<List<ImageSummary>>(request, cancellationToken);
        }
    }
}
