namespace Containers.Provisioning.Drivers
{
    /// <summary>What a host is doing, as Get-ContainerHost shows it.</summary>
    public enum HostState
    {
        /// <summary>The engine answers over TLS with the store's client certificate.</summary>
        Running,

        /// <summary>The engine (or the machine) is not running.</summary>
        Stopped,

        /// <summary>The machine or process is there, but the engine does not answer (starting, hung, or the network is in the way).</summary>
        Unreachable,

        /// <summary>The state cannot be told: a damaged record, an unknown driver, unusable files.</summary>
        Error,
    }
}
