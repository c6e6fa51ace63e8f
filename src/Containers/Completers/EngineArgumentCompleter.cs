using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Containers.Completion;
using Containers.PowerShell.Hosting;

namespace Containers.PowerShell.Completers
{
    /// <summary>
    /// An argument completer that asks the engine the command would use for live names. Each kind of name is its own
    /// small subclass because [ArgumentCompleter] names a type; the work is in the core's <see cref="EngineNameCompleter"/>.
    /// </summary>
    public abstract class EngineArgumentCompleter : IArgumentCompleter
    {
        private readonly EngineNameCompleter _names;

        protected EngineArgumentCompleter(EngineNameCompleter names)
        {
            _names = names;
        }

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            _names.Complete(wordToComplete, fakeBoundParameters, PowerShellSession.Key)
                .Select(item => new CompletionResult(item.CompletionText, item.ListItemText, CompletionResultType.ParameterValue, item.ToolTip))
                .ToList();
    }
}
