namespace Containers.Engine.Models
{
    /// <summary>One entry of <c>GET /containers/{id}/changes</c>: a path of the container's filesystem and what happened to it.</summary>
    public sealed class ContainerChangeResponseItem
    {
        public string? Path { get; set; }

        /// <summary>0 modified, 1 added, 2 deleted.</summary>
        public int Kind { get; set; }
    }
}
