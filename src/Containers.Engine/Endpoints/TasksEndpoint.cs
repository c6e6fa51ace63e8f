using Containers.Engine.Errors;
using Containers.Engine.Http;
using Containers.Engine.Models;

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

        /// <summary>Every task, or those the filters (service, node, desired-state, id, name, label) select.</summary>
        public Task<List<SwarmTask>> ListAsync(Filters? filters = null, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("GET", "/tasks");
            request.Query.Add("filters", filters?.ToJson());
            return _client.SendAsync<List<SwarmTask>>(request, cancellationToken);
        }

        /// <summary>One task by id; a missing one is a task 404.</summary>
        public Task<SwarmTask> InspectAsync(string id, CancellationToken cancellationToken = default)
        {
            var request = new EngineRequest("GET", "/tasks/" + PathSegment.Escape(id, "task")).About(EngineResourceKind.Task, id);
            request.ShortAnswerOnBlockingConnection = true;
            return _client.SendAsync<SwarmTask>(request, cancellationToken);
        }
    }
}
