using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using Containers.Completion;
using Containers.Engines;

namespace Containers.PowerShell.Completers
{
    /// <summary>Completes Connect-ContainerEngine -Context with docker context names.</summary>
    public sealed class DockerContextCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionResults.From(EngineChoices.Complete(wordToComplete, EngineSelector.ForProcess, includeHosts: false));
    }
}
