namespace Containers.Engine.Models
{
    /// <summary>A swarm secret (<c>GET /secrets</c>): its <see cref="SwarmDataSpec.Data"/> is always null, the manager never sends it.</summary>
    public sealed class SwarmSecret : SwarmData
    {
    }
}
