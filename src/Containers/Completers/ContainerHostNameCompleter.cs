using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using Containers.Completion;

namespace Containers.PowerShell.Completers
{
    /// <summary>Completes host names from the host store (no engine is asked: the store is local files).</summary>
    public sealed class ContainerHostNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionResults.From(HostNameSource.Complete(wordToComplete, Engines.EngineSelector.ForProcess.HostStore));
    }
}
