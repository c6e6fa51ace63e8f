using System.Globalization;
using Containers.Engine.Models;
using Containers.Text;

namespace Containers.Models
{
    /// <summary>One task of a swarm service (docker service ps): a slot or node, and the container that fills it.</summary>
    public sealed class ContainerServiceTask
    {
        private ContainerServiceTask()
        {
        }

        public string Id { get; private set; } = string.Empty;

        /// <summary>As docker service ps shows it: SERVICE.SLOT, or SERVICE.NODEID for a global service's task.</summary>
        public string Name { get; private set; } = string.Empty;

        /// <summary>The service's name.</summary>
        public string Service { get; private set; } = string.Empty;

        public string ServiceId { get; private set; } = string.Empty;

        /// <summary>1 and up for a replicated service; 0 for a global one.</summary>
        public int Slot { get; private set; }

        public string? NodeId { get; private set; }

        /// <summary>The node's host name; null until the task is assigned, or when the node is gone.</summary>
        public string? NodeName { get; private set; }

        /// <summary>new, pending, assigned, preparing, starting, running, complete, shutdown, failed, rejected, ...</summary>
        public string State { get; private set; } = string.Empty;

        /// <summary>What the orchestrator wants of the task: running, shutdown, ...</summary>
        public string DesiredState { get; private set; } = string.Empty;

        /// <summary>Why the task failed or was rejected; null otherwise.</summary>
        public string? Error { get; private set; }

        /// <summary>The engine's word on the state (started, finished, ...).</summary>
        public string? Message { get; private set; }

        public string? ContainerId { get; private set; }

        /// <summary>The container's exit code, once it has exited.</summary>
        public int? ExitCode { get; private set; }

        public string Image { get; private set; } = string.Empty;

        /// <summary>Local time.</summary>
        public DateTime CreatedAt { get; private set; }

        /// <summary>When the task reached its current state (local time).</summary>
        public DateTime StateChangedAt { get; private set; }

        public ContainerEngine Engine { get; private set; } = null!;

        public override string ToString() => Name;

        public static ContainerServiceTask FromTask(SwarmTask task, string serviceName, string? nodeName, ContainerEngine engine)
        {
            string state = task.Status?.State ?? string.Empty;
            bool exited = state == "complete" || state == "failed" || state == "shutdown";
            return new ContainerServiceTask
            {
                Id = task.ID,
                Name = serviceName + "." + (task.Slot > 0 ? task.Slot.ToString(CultureInfo.InvariantCulture) : task.NodeID ?? task.ID),
                Service = serviceName,
                ServiceId = task.ServiceID ?? string.Empty,
                Slot = task.Slot,
                NodeId = string.IsNullOrEmpty(task.NodeID) ? null : task.NodeID,
                NodeName = nodeName,
                State = state,
                DesiredState = task.DesiredState ?? string.Empty,
                Error = string.IsNullOrEmpty(task.Status?.Err) ? null : task.Status!.Err,
                Message = string.IsNullOrEmpty(task.Status?.Message) ? null : task.Status!.Message,
                ContainerId = string.IsNullOrEmpty(task.Status?.ContainerStatus?.ContainerID) ? null : task.Status!.ContainerStatus!.ContainerID,
                ExitCode = exited && task.Status?.ContainerStatus?.ContainerID != null ? task.Status.ContainerStatus.ExitCode : (int?)null,
                Image = task.Spec?.ContainerSpec.Image ?? string.Empty,
                CreatedAt = EngineTime.Parse(task.CreatedAt) ?? DateTime.MinValue,
                StateChangedAt = EngineTime.Parse(task.Status?.Timestamp) ?? DateTime.MinValue,
                Engine = engine,
            };
        }
    }
}
