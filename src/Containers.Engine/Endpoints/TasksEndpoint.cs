namespace Containers.Engine.Endpoints
{
    /// <summary>The <c>/tasks</c> endpoints: a swarm's tasks (a service's containers, wherever they run).</summary>
    public sealed partial class TasksEndpoint
    {
        private readonly EngineCalls _client;

        internal TasksEndpoint(EngineCalls client)
        {
            _client = client;
        }
    }
}
