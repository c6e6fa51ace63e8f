using Containers.Engine.Endpoints;
using Containers.Engine.Models;
using Containers.Models;

namespace Containers.Commands.Services
{
    /// <summary>A service's tasks as users see them (docker service ps): named SERVICE.SLOT, with their node's host name.</summary>
    internal static class ServiceTaskListing
    {
        /// <param name="desiredState">running, shutdown, accepted; null for every task.</param>
        public static async Task<IReadOnlyList<ContainerServiceTask>> ListAsync(ContainerEngine engine, string serviceId, string serviceName, string? desiredState, CancellationToken cancellationToken)
        {
            var filters = new Filters().Add("service", serviceId);
            if (desiredState != null)
            {
                filters.Add("desired-state", desiredState);
            }

            List<SwarmTask> tasks = await engine.Client.Tasks.ListAsync(filters, cancellationToken);
            // The service filter also matches by name prefix: keep this service's own.
            tasks = tasks.Where(task => task.ServiceID == serviceId).ToList();
            IReadOnlyDictionary<string, string> nodes = tasks.Any(task => !string.IsNullOrEmpty(task.NodeID))
                ? await engine.Client.Tasks.NodeHostNamesAsync(cancellationToken)
                : new Dictionary<string, string>();
            return tasks
                .Select(task => ContainerServiceTask.FromTask(task, serviceName, task.NodeID != null && nodes.TryGetValue(task.NodeID, out string? node) ? node : null, engine))
                .OrderBy(task => task.Slot).ThenBy(task => task.NodeName, StringComparer.OrdinalIgnoreCase)
                .ThenByDescending(task => task.CreatedAt)
                .ToList();
        }
    }
}
