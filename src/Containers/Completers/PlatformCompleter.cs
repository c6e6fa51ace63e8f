using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using Containers.Completion;
using Containers.PowerShell.Hosting;

namespace Containers.PowerShell.Completers
{
    /// <summary>Completes -Platform with os/arch values, the engine's own first.</summary>
    public sealed class PlatformCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionResults.From(PlatformValues.Complete(wordToComplete, fakeBoundParameters, PowerShellSession.Key));
    }
}
