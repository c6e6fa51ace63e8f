namespace Containers.Engine.Endpoints
{
    /// <summary>The <c>/services</c> endpoints: a swarm's services and their logs.</summary>
    public sealed partial class ServicesEndpoint
    {
        private readonly EngineCalls _client;

        internal ServicesEndpoint(EngineCalls client)
        {
            _client = client;
        }
    }
}
