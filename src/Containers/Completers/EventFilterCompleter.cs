using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Containers.Commands.Engines;

namespace Containers.PowerShell.Completers
{
    /// <summary>
    /// Completes -Filter of Get-ContainerEvent with a hashtable per event filter name (@{ type = '' }), since PowerShell
    /// offers no completion of keys inside a hashtable literal typed as an argument.
    /// </summary>
    public sealed class EventFilterCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            // "@{ty", "@{ ty" and "ty" all mean the name typed so far.
            string typed = (wordToComplete ?? string.Empty).TrimStart('@', '{', ' ', '\'', '"');
            return GetContainerEventCommand.FilterNames
                .Where(name => name.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Select(name => new CompletionResult("@{ " + name + " = '' }", name, CompletionResultType.ParameterValue, "docker events --filter " + name + "=..."));
        }
    }
}
