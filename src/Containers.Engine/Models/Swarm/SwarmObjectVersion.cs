namespace Containers.Engine.Models
{
    /// <summary>A swarm object's version: the manager's store index at its last change, which an update must send back.</summary>
    public sealed class SwarmObjectVersion
    {
        public ulong Index { get; set; }
    }
}
