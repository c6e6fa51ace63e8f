namespace Containers.Engine.Models
{
    /// <summary>The answer to <c>POST /containers/prune</c>.</summary>
    public sealed class ContainerPruneResponse
    {
        public List<string>? ContainersDeleted { get; set; }

        public long SpaceReclaimed { get; set; }
    }
}
