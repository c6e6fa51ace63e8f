namespace Containers.Engine.Endpoints
{
    /// <summary>The <c>/configs</c> endpoints: a swarm's configs.</summary>
    public sealed partial class ConfigsEndpoint
    {
        private readonly EngineCalls _client;

        internal ConfigsEndpoint(EngineCalls client)
        {
            _client = client;
        }
    }
}
