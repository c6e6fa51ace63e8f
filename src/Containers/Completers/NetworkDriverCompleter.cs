using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using Containers.Completion;

namespace Containers.PowerShell.Completers
{
    /// <summary>Completes New-ContainerNetwork -Driver with the engine's built-in network drivers.</summary>
    public sealed class NetworkDriverCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionResults.From(FixedValues.Complete(wordToComplete, FixedValues.NetworkDrivers));
    }
}
