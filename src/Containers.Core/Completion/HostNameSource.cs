using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Containers.Provisioning.Store;

namespace Containers.Completion
{
    /// <summary>Host names for tab completion, from the host store's folders; a store that cannot be read completes nothing.</summary>
    public static class HostNameSource
    {
        public static IReadOnlyList<CompletionItem> Complete(string? wordToComplete, HostStore store)
        {
            TypedWord word = TypedWord.Parse(wordToComplete);
            IReadOnlyList<string> names;
            try
            {
                names = store.ListNames();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return Array.Empty<CompletionItem>();
            }

            return names
                .Where(word.Matches)
                .Select(name => new CompletionItem(ArgumentQuoting.Quote(name, word.Quoted), name, $"{name}: host in '{store.Root}'"))
                .ToArray();
        }
    }
}
