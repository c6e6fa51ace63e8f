namespace Containers.Engine.Endpoints
{
    /// <summary>The <c>/secrets</c> endpoints: a swarm's secrets.</summary>
    public sealed partial class SecretsEndpoint
    {
        private readonly EngineCalls _client;

        internal SecretsEndpoint(EngineCalls client)
        {
            _client = client;
        }
    }
}
