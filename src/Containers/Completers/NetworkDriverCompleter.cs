using System.Collections;
using Containers.Completion;

namespace Containers.PowerShell.Completers
{
    /// <summary>Completes New-ContainerNetwork -Driver with the engine's built-in network drivers.</summary>
    public sealed class NetworkDriverCompleter : ValueCompleter
    {
        protected override IEnumerable<CompletionItem> Complete(string wordToComplete, IDictionary fakeBoundParameters) =>
            FixedValues.Complete(wordToComplete, FixedValues.NetworkDrivers);
    }
}
