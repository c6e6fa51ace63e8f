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
    }
}
