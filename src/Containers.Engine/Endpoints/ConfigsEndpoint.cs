using Containers.Engine.Errors;
using Containers.Engine.Models;

namespace Containers.Engine.Endpoints
{
    /// <summary>The <c>/configs</c> endpoints: a swarm's configs, returned with their data.</summary>
    public sealed class ConfigsEndpoint : SwarmDataEndpoint<SwarmConfig>
    {
        internal ConfigsEndpoint(EngineCalls client)
            : base(client, "/configs", EngineResourceKind.Config)
        {
        }
    }
}
