using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Containers.Completion;
using Containers.PowerShell.Hosting;

namespace Containers.PowerShell.Completers
{
    /// <summary>
    /// An argument completer that asks the engine the command would use for live names. Each kind of name is its own
    /// small subclass because [ArgumentCompleter] names a type; the work is in the core's <see cref="EngineNameCompleter"/>.
    /// Names typed already in the same argument are not offered again.
    /// </summary>
    public abstract class EngineArgumentCompleter : IArgumentCompleter
    {
        private readonly EngineNameCompleter _names;

        protected EngineArgumentCompleter(EngineNameCompleter names)
        {
            _names = names;
        }

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionResults.From(NamesFor(commandName).Complete(wordToComplete, fakeBoundParameters, PowerShellSession.Key, TypedArguments.Of(commandAst, parameterName, wordToComplete)));

        /// <summary>The names to offer on <paramref name="commandName"/>: the same for every command unless a subclass says otherwise.</summary>
        protected virtual EngineNameCompleter NamesFor(string commandName) => _names;
    }
}
