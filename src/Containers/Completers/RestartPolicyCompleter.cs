using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Containers.PowerShell.Completers
{
    /// <summary>Completes -RestartPolicy with the engine's policy names.</summary>
    public sealed class RestartPolicyCompleter : IArgumentCompleter
    {
        private static readonly string[] Policies = { "no", "always", "unless-stopped", "on-failure", "on-failure:3" };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return Policies
                .Where(policy => policy.StartsWith(typed, System.StringComparison.OrdinalIgnoreCase))
                .Select(policy => new CompletionResult(policy, policy, CompletionResultType.ParameterValue, policy));
        }
    }
}
