using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using Containers.Completion;
using Containers.PowerShell.Hosting;

namespace Containers.PowerShell.Completers
{
    /// <summary>Completes the volume-name part of -Volume ('name:/path'), from the engine the command would use. The work is in <see cref="EngineCompleters"/>.</summary>
    public sealed class VolumeNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionResults.From(EngineCompleters.VolumeNames.Complete(wordToComplete, fakeBoundParameters, PowerShellSession.Key));
    }
}
