namespace Containers.Compose
{
    /// <summary>How a service joins one network (the list form gives an empty one).</summary>
    public sealed class ComposeServiceNetwork
    {
        public IReadOnlyList<string> Aliases { get; init; } = Array.Empty<string>();

        public string? Ipv4Address { get; init; }

        public string? Ipv6Address { get; init; }
    }
}
