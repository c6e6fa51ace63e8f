using System.Collections;
using Containers.Completion;
using Containers.EngineSelection;

namespace Containers.PowerShell.Completers
{
    /// <summary>Completes -Engine with host-store and docker context names (local files; no engine is asked).</summary>
    public class EngineCompleter : ValueCompleter
    {
        /// <summary>Whether the host store's names are offered beside the docker contexts.</summary>
        protected virtual bool IncludeHosts => true;

        protected override IEnumerable<CompletionItem> Complete(string wordToComplete, IDictionary fakeBoundParameters) =>
            EngineChoices.Complete(wordToComplete, EngineSelector.ForProcess, IncludeHosts);
    }
}
