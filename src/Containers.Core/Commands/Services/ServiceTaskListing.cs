using Containers.Engine.Endpoints;
using Containers.Engine.Models;
using Containers.Models;

namespace Containers.Commands.Services
{
    /// <summary>A service's tasks as users see them (docker service ps): named SERVICE.SLOT, with their node's host name.</summary>
    internal static class ServiceTaskListing
    {
        /// <param name="desiredState">running, shutdown, accepted; null for every task.</param>
        public static async Task<IReadOnlyList<ContainerServiceTask>> ListAsync(ContainerEngine engine, string serviceId, string serviceName, string? desiredState, CancellationToken cancellationToken) =>
            (await ListWithSpecsAsync(engine, serviceId, serviceName, desiredState, cancellationToken)).Select(listed => listed.Task).ToList();

        /// <summary>The tasks, each with the spec it was made from (what the wait compares with the service's).</summary>
        public static async Task<IReadOnlyList<(ContainerServiceTask Task, TaskSpec? Spec)>> ListWithSpecsAsync(ContainerEngine engine, string serviceId, string serviceName, string? desiredState, CancellationToken cancellationToken)
        {
            var filters = new Filters().Add("service", serviceId);
            if (desiredState != null)
            {
                filters.Add("desired-state", desiredState);
            }

            List<SwarmTask> tasks = await engine.Client.Tasks.ListAsync(filters, cancellationToken);
            // The service filter also matches by name prefix: keep this service's own.
            tasks = tasks.Where(task => task.ServiceID == serviceId).ToList();
            // Each node's host name by its id, for docker service ps's NODE column.
            IReadOnlyDictionary<string, string> nodes = tasks.Any(task => !string.IsNullOrEmpty(task.NodeID))
                ? (await engine.Client.Nodes.ListAsync(null, cancellationToken))
                    .Where(node => !string.IsNullOrEmpty(node.Description?.Hostname))
                    .ToDictionary(node => node.ID, node => node.Description!.Hostname!, StringComparer.Ordinal)
                : new Dictionary<string, string>();
            return tasks
                .Select(task => (Task: ContainerServiceTask.FromTask(task, serviceName, task.NodeID != null && nodes.TryGetValue(task.NodeID, out string? node) ? node : null, engine), task.Spec))
                .OrderBy(listed => listed.Task.Slot).ThenBy(listed => listed.Task.NodeName, StringComparer.OrdinalIgnoreCase)
                .ThenByDescending(listed => listed.Task.CreatedAt)
                .ToList();
        }
    }
}
