namespace Containers.Engine.Models
{
    /// <summary>The answer to <c>GET /containers/{id}/top</c>: ps's column titles, and one row of texts per process.</summary>
    public sealed class ContainerTopResponse
    {
        public List<string>? Titles { get; set; }

        public List<List<string>>? Processes { get; set; }
    }
}
