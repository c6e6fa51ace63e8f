using Containers.Engine.Http;
using Containers.Engine.Models;

namespace Containers.Engine.Endpoints
{
    /// <summary>The <c>/swarm</c> endpoints: the swarm this engine belongs to: init, join, leave, inspect.</summary>
    public sealed partial class SwarmEndpoint
    {
        private readonly EngineCalls _client;

        internal SwarmEndpoint(EngineCalls client)
        {
            _client = client;
        }

        /// <summary>
        /// The swarm, join tokens included. Only a manager answers: an engine outside a swarm gets 503 "This node is not part
        /// of a swarm", a worker 503 "This node is not a swarm manager".
        /// </summary>
        public Task<SwarmCluster> InspectAsync(CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("GET", "/swarm");
            request.ShortAnswerOnBlockingConnection = true;
            return _client.SendAsync<SwarmCluster>(request, cancellationToken);
        }
    }
}
