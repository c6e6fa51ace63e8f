using Containers.Provisioning.Store;

namespace Containers.Completion
{
    /// <summary>Host names for tab completion, from the host store's folders; a store that cannot be read completes nothing.</summary>
    public static class HostNameSource
    {
        public static IReadOnlyList<CompletionItem> Complete(string? wordToComplete, HostStore store)
        {
            IReadOnlyList<CompletionCandidate> hosts;
            try
            {
                hosts = List(store);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return Array.Empty<CompletionItem>();
            }

            return FixedValues.Complete(wordToComplete, hosts);
        }

        /// <summary>The store's hosts, in its order; reading the store may throw.</summary>
        public static IReadOnlyList<CompletionCandidate> List(HostStore store) =>
            store.ListNames().Select(name => new CompletionCandidate(name, $"{name}: host in '{store.Root}'")).ToArray();
    }
}
