using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using Containers.Completion;
using Containers.PowerShell.Hosting;

namespace Containers.PowerShell.Completers
{
    /// <summary>Completes container names (stopped ones too), from the engine the command would use. The work is in <see cref="EngineCompleters"/>.</summary>
    public sealed class ContainerNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionResults.From(EngineCompleters.ContainerNames.Complete(wordToComplete, fakeBoundParameters, PowerShellSession.Key));
    }
}
