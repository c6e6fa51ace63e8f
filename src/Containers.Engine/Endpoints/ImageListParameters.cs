namespace Containers.Engine.Endpoints
{
    /// <summary>Query options of <c>GET /images/json</c>.</summary>
    public sealed class ImageListParameters
    {
        /// <summary>Include intermediate images (docker images -a).</summary>
        public bool All { get; set; }

        /// <summary>reference, dangling, label, before, since.</summary>
        public Filters Filters { get; } = new Filters();
    }
}
