using System.Collections;
using Containers.Completion;
using Containers.PowerShell.Hosting;

namespace Containers.PowerShell.Completers
{
    /// <summary>Completes -Platform with os/arch values, the engine's own first.</summary>
    public sealed class PlatformCompleter : ValueCompleter
    {
        protected override IEnumerable<CompletionItem> Complete(string wordToComplete, IDictionary fakeBoundParameters) =>
            PlatformValues.Complete(wordToComplete, fakeBoundParameters, PowerShellSession.Key);
    }
}
