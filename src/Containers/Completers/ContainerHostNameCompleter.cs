using System.Collections;
using Containers.Completion;

namespace Containers.PowerShell.Completers
{
    /// <summary>Completes host names from the host store (no engine is asked: the store is local files).</summary>
    public sealed class ContainerHostNameCompleter : ValueCompleter
    {
        protected override IEnumerable<CompletionItem> Complete(string wordToComplete, IDictionary fakeBoundParameters) =>
            HostNameSource.Complete(wordToComplete, EngineSelection.EngineSelector.ForProcess.HostStore);
    }
}
