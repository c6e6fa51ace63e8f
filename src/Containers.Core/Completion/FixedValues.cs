namespace Containers.Completion
{
    /// <summary>Completes a parameter from a list of values known without asking an engine (fixed ones, host names), in the list's order, quoted where they must be.</summary>
    public static class FixedValues
    {
        /// <summary>docker network create --driver: the engine's built-in drivers (a plugin's name is accepted too).</summary>
        public static readonly IReadOnlyList<CompletionCandidate> NetworkDrivers = new[]
        {
            new CompletionCandidate("bridge", "bridge: containers on one engine, behind NAT (the default)"),
            new CompletionCandidate("host", "host: the engine's own network stack, no isolation"),
            new CompletionCandidate("none", "none: a loopback interface only"),
            new CompletionCandidate("overlay", "overlay: containers on several swarm nodes"),
            new CompletionCandidate("macvlan", "macvlan: a MAC address of its own on the physical network"),
            new CompletionCandidate("ipvlan", "ipvlan: an address on the physical network, sharing the host's MAC"),
        };

        public static IReadOnlyList<CompletionItem> Complete(string? wordToComplete, IEnumerable<CompletionCandidate> values)
        {
            TypedWord word = TypedWord.Parse(wordToComplete);
            return values
                .Where(value => word.Matches(value.Name))
                .Select(value => value.ToItem(word))
                .ToArray();
        }
    }
}
