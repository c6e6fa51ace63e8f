namespace Containers.Engine.Endpoints
{
    /// <summary>The <c>/nodes</c> endpoints: a swarm's nodes.</summary>
    public sealed partial class NodesEndpoint
    {
        private readonly EngineCalls _client;

        internal NodesEndpoint(EngineCalls client)
        {
            _client = client;
        }
    }
}
