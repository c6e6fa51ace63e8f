namespace Containers.Engine.Models
{
    /// <summary>A node of the swarm, as a manager reports it (<c>GET /nodes</c>, <c>GET /nodes/{id}</c>).</summary>
    public sealed class SwarmNode : SwarmObject
    {
        /// <summary>What can be changed (<c>POST /nodes/{id}/update</c> sends it back whole).</summary>
        public SwarmNodeSpec? Spec { get; set; }

        public SwarmNodeDescription? Description { get; set; }

        public SwarmNodeStatus? Status { get; set; }

        /// <summary>Only on managers.</summary>
        public SwarmManagerStatus? ManagerStatus { get; set; }
    }

    /// <summary>What the node reports about itself.</summary>
    public sealed class SwarmNodeDescription
    {
        public string? Hostname { get; set; }

        public SwarmNodePlatform? Platform { get; set; }

        public SwarmNodeResources? Resources { get; set; }

        public SwarmNodeEngine? Engine { get; set; }
    }

    public sealed class SwarmNodePlatform
    {
        public string? Architecture { get; set; }

        public string? OS { get; set; }
    }

    public sealed class SwarmNodeResources
    {
        public long NanoCPUs { get; set; }

        public long MemoryBytes { get; set; }
    }

    public sealed class SwarmNodeEngine
    {
        public string? EngineVersion { get; set; }

        /// <summary>The engine's own labels (dockerd --label), not the node's.</summary>
        public Dictionary<string, string>? Labels { get; set; }
    }

    public sealed class SwarmNodeStatus
    {
        /// <summary>unknown, down, ready or disconnected.</summary>
        public string? State { get; set; }

        public string? Message { get; set; }

        /// <summary>The address the managers see the node at.</summary>
        public string? Addr { get; set; }
    }

    public sealed class SwarmManagerStatus
    {
        public bool Leader { get; set; }

        /// <summary>unknown, unreachable or reachable.</summary>
        public string? Reachability { get; set; }

        /// <summary>The manager's raft address (<c>HOST:2377</c>).</summary>
        public string? Addr { get; set; }
    }
}
