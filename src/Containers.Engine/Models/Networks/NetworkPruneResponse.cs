namespace Containers.Engine.Models
{
    /// <summary>The answer to <c>POST /networks/prune</c>: names, not ids, and no space figure (networks take none).</summary>
    public sealed class NetworkPruneResponse
    {
        public List<string>? NetworksDeleted { get; set; }
    }
}
