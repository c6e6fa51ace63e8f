namespace Containers.Engine.Models
{
    /// <summary>A swarm service as <c>GET /services</c> and <c>GET /services/{id}</c> return it.</summary>
    public sealed class Service : SwarmObject
    {
        public ServiceSpec Spec { get; set; } = new ServiceSpec();

        /// <summary>The spec before the last update, which a rollback returns to.</summary>
        public ServiceSpec? PreviousSpec { get; set; }

        public ServiceEndpoint? Endpoint { get; set; }

        /// <summary>The last rolling update's state; absent when the service was never updated.</summary>
        public ServiceUpdateStatus? UpdateStatus { get; set; }

        /// <summary>Running and desired task counts; only when listed with <c>status=true</c> (API 1.41 and later).</summary>
        public ServiceStatus? ServiceStatus { get; set; }
    }

    public sealed class ServiceStatus
    {
        public ulong RunningTasks { get; set; }

        public ulong DesiredTasks { get; set; }

        public ulong CompletedTasks { get; set; }
    }

    public sealed class ServiceUpdateStatus
    {
        /// <summary>updating, paused, completed, rollback_started, rollback_paused, rollback_completed.</summary>
        public string? State { get; set; }

        public string? StartedAt { get; set; }

        public string? CompletedAt { get; set; }

        public string? Message { get; set; }
    }
}
