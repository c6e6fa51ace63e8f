namespace Containers.Engine.Models
{
    /// <summary>A swarm config (<c>GET /configs</c>): not secret, so its <see cref="SwarmDataSpec.Data"/> comes back.</summary>
    public sealed class SwarmConfig : SwarmData
    {
    }
}
