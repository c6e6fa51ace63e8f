namespace Containers.Engine.Models
{
    /// <summary>One task of a service: a slot (replicated) or a node (global) and the container that fills it.</summary>
    public sealed class SwarmTask : SwarmObject
    {
        public string? Name { get; set; }

        public Dictionary<string, string>? Labels { get; set; }

        public TaskSpec? Spec { get; set; }

        public string? ServiceID { get; set; }

        /// <summary>1 and up for a replicated service; 0 for a global one, whose tasks are told apart by node.</summary>
        public int Slot { get; set; }

        public string? NodeID { get; set; }

        public TaskStatus? Status { get; set; }

        /// <summary>What the orchestrator wants: running, shutdown, ...</summary>
        public string? DesiredState { get; set; }
    }

    public sealed class TaskStatus
    {
        public string? Timestamp { get; set; }

        /// <summary>new, pending, assigned, accepted, preparing, starting, running, complete, shutdown, failed, rejected, ...</summary>
        public string? State { get; set; }

        public string? Message { get; set; }

        /// <summary>Why the task failed or was rejected.</summary>
        public string? Err { get; set; }

        public TaskContainerStatus? ContainerStatus { get; set; }
    }

    public sealed class TaskContainerStatus
    {
        public string? ContainerID { get; set; }

        public int PID { get; set; }

        public int ExitCode { get; set; }
    }
}
