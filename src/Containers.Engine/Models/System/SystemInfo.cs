namespace Containers.Engine.Models
{
    /// <summary><c>GET /info</c>: what <c>docker info</c> shows.</summary>
    public sealed class SystemInfo
    {
        public string? ID { get; set; }

        public string? Name { get; set; }

        public int Containers { get; set; }

        public int ContainersRunning { get; set; }

        public int ContainersPaused { get; set; }

        public int ContainersStopped { get; set; }

        public int Images { get; set; }

        public string? Driver { get; set; }

        public string? DockerRootDir { get; set; }

        public string? ServerVersion { get; set; }

        public string? OperatingSystem { get; set; }

        public string? OSType { get; set; }

        public string? OSVersion { get; set; }

        public string? Architecture { get; set; }

        public string? KernelVersion { get; set; }

        public int NCPU { get; set; }

        public long MemTotal { get; set; }

        public string? CgroupDriver { get; set; }

        public string? CgroupVersion { get; set; }

        public string? LoggingDriver { get; set; }

        public string? DefaultRuntime { get; set; }

        public string? IndexServerAddress { get; set; }

        public bool Debug { get; set; }

        public bool ExperimentalBuild { get; set; }

        public List<string>? Labels { get; set; }

        public List<string>? Warnings { get; set; }

        public bool LiveRestoreEnabled { get; set; }

        public RegistryServiceConfig? RegistryConfig { get; set; }

        /// <summary>name=seccomp,profile=default and the like, one text per option.</summary>
        public List<string>? SecurityOptions { get; set; }

        public string? HttpProxy { get; set; }

        public string? HttpsProxy { get; set; }

        public string? NoProxy { get; set; }

        /// <summary>The runtimes by name; only the names are read.</summary>
        public Dictionary<string, System.Text.Json.JsonElement>? Runtimes { get; set; }

        public string? Isolation { get; set; }

        /// <summary>RFC 3339, the engine's clock.</summary>
        public string? SystemTime { get; set; }

        public SwarmInfo? Swarm { get; set; }
    }

    /// <summary>The part of <c>GET /info</c>'s Swarm that says whether this engine is in a swarm.</summary>
    public sealed class SwarmInfo
    {
        /// <summary>inactive, pending, active, error or locked.</summary>
        public string? LocalNodeState { get; set; }

        public string? NodeID { get; set; }

        /// <summary>The address the node is reached at by the others.</summary>
        public string? NodeAddr { get; set; }

        /// <summary>Whether the node is a manager.</summary>
        public bool ControlAvailable { get; set; }

        /// <summary>Only on managers: how many nodes and managers the swarm has.</summary>
        public int? Nodes { get; set; }

        public int? Managers { get; set; }

        /// <summary>The managers this node knows of, with their addresses.</summary>
        public List<SwarmRemoteManager>? RemoteManagers { get; set; }

        /// <summary>Why the node is in the error state, when it is.</summary>
        public string? Error { get; set; }
    }

    /// <summary>A manager the node knows of.</summary>
    public sealed class SwarmRemoteManager
    {
        public string? NodeID { get; set; }

        public string? Addr { get; set; }
    }
}
