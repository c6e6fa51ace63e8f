using Containers.Engine.Errors;
using Containers.Engine.Models;

namespace Containers.Engine.Endpoints
{
    /// <summary>The <c>/secrets</c> endpoints: a swarm's secrets, whose data the manager never returns.</summary>
    public sealed class SecretsEndpoint : SwarmDataEndpoint<SwarmSecret>
    {
        internal SecretsEndpoint(EngineCalls client)
            : base(client, "/secrets", EngineResourceKind.Secret)
        {
        }
    }
}
