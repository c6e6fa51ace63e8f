namespace Containers.Engine.Endpoints
{
    /// <summary>Query options of <c>GET /containers/json</c>.</summary>
    public sealed class ContainerListParameters
    {
        public bool All { get; set; }

        public int? Limit { get; set; }

        public bool Size { get; set; }

        public Filters Filters { get; } = new Filters();
    }
}
