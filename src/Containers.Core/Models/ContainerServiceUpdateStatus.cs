namespace Containers.Models
{
    /// <summary>Where a service's last rolling update (or rollback) stands.</summary>
    public sealed class ContainerServiceUpdateStatus
    {
        public ContainerServiceUpdateStatus(string state, string? message)
        {
            State = state;
            Message = message;
        }

        /// <summary>updating, paused, completed, rollback_started, rollback_paused or rollback_completed.</summary>
        public string State { get; }

        public string? Message { get; }

        public override string ToString() => string.IsNullOrEmpty(Message) ? State : State + ": " + Message;
    }
}
