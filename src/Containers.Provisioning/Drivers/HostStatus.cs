namespace Containers.Provisioning.Drivers
{
    /// <summary>A host's live state, the engine's version when it answered, and why, when it is not running.</summary>
    public sealed class HostStatus
    {
        public HostStatus(HostState state, string? engineVersion = null, string? reason = null)
        {
            State = state;
            EngineVersion = engineVersion;
            Reason = reason;
        }

        public HostState State { get; }

        public string? EngineVersion { get; }

        public string? Reason { get; }
    }
}
