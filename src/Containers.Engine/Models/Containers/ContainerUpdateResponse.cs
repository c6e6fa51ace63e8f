namespace Containers.Engine.Models
{
    /// <summary>The answer to <c>POST /containers/{id}/update</c>.</summary>
    public sealed class ContainerUpdateResponse
    {
        public List<string>? Warnings { get; set; }
    }
}
