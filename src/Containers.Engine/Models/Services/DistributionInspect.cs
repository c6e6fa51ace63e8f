namespace Containers.Engine.Models
{
    /// <summary>
    /// The answer to <c>GET /distribution/{name}/json</c>: the image's manifest descriptor as its registry has it, which
    /// pins a service to one digest (docker service create --resolve-image).
    /// </summary>
    public sealed class DistributionInspect
    {
        public DistributionDescriptor? Descriptor { get; set; }
    }

    public sealed class DistributionDescriptor
    {
        public string? MediaType { get; set; }

        /// <summary>sha256:...</summary>
        public string? Digest { get; set; }

        public long Size { get; set; }
    }
}
