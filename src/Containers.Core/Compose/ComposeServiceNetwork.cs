namespace Containers.Compose
{
    /// <summary>How a service joins one network (the list form gives an empty one).</summary>
    public sealed class ComposeServiceNetwork
    {
        public IReadOnlyList<string> Aliases { get; init; } = Array.Empty<string>();

        public string? Ipv4Address { get; init; }

        public string? Ipv6Address { get; init; }

        /// <summary>The keys the entry sets (none for the list form), for a consumer to name those it does not apply.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public IReadOnlyList<string> Keys { get; init; } = Array.Empty<string>();
    }
}
