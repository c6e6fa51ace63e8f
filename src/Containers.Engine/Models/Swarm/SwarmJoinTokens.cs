namespace Containers.Engine.Models
{
    /// <summary>The secrets that let a node join the swarm as a worker or as a manager.</summary>
    public sealed class SwarmJoinTokens
    {
        public string? Worker { get; set; }

        public string? Manager { get; set; }
    }
}
