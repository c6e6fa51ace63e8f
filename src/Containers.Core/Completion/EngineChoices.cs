using Containers.Engine.Configuration;
using Containers.EngineSelection;
using Containers.Provisioning.Store;

namespace Containers.Completion
{
    /// <summary>
    /// Names -Engine takes, for tab completion: the hosts of the host store and the docker contexts (DOCKER_CONFIG's
    /// contexts/meta, and "default"), read from local files only. A host is also mirrored as a context; it is offered
    /// once, as the host, since -Engine looks in the store first. What cannot be read completes nothing.
    /// </summary>
    public static class EngineChoices
    {
        /// <param name="includeHosts">False for Connect-ContainerEngine -Context, which takes docker contexts only.</param>
        public static IReadOnlyList<CompletionItem> Complete(string? wordToComplete, EngineSelector selector, bool includeHosts)
        {
            TypedWord word = TypedWord.Parse(wordToComplete);
            var candidates = new List<CompletionCandidate>();
            if (includeHosts)
            {
                HostStore store = selector.HostStore;
                candidates.AddRange(Read(() => HostNameSource.List(store)));
            }

            candidates.AddRange(Read(() => selector.Resolver.ListContexts())
                .Select(context => new CompletionCandidate(context.Name, $"{context.Name}: docker context{(context.IsCurrent ? " (current)" : string.Empty)}, {context.Host}")));

            return candidates
                .Where(candidate => word.Matches(candidate.Name))
                .GroupBy(candidate => candidate.Name, StringComparer.Ordinal)
                .Select(group => group.First())
                .OrderBy(candidate => candidate.Name, StringComparer.OrdinalIgnoreCase)
                .Select(candidate => candidate.ToItem(word))
                .ToArray();
        }

        private static IReadOnlyList<T> Read<T>(Func<IReadOnlyList<T>> list)
        {
            try
            {
                return list();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is EngineConfigurationException || e is HostStoreException)
            {
                // Completion must never raise an error while the user types.
                return Array.Empty<T>();
            }
        }
    }
}
