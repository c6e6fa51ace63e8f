using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Containers.Completion;

namespace Containers.PowerShell.Completers
{
    /// <summary>
    /// A completer whose values depend only on the word typed and the parameters bound so far, not on the command's
    /// syntax tree: each subclass says where its values come from, and PowerShell's results are made here.
    /// </summary>
    public abstract class ValueCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionResults.From(Complete(wordToComplete, fakeBoundParameters));

        /// <summary>The values to offer for <paramref name="wordToComplete"/>.</summary>
        protected abstract IEnumerable<CompletionItem> Complete(string wordToComplete, IDictionary fakeBoundParameters);
    }
}
