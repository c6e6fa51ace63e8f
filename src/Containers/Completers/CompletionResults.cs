using System.Management.Automation;
using Containers.Completion;

namespace Containers.PowerShell.Completers
{
    /// <summary>The core's completion items as PowerShell's results: parameter values.</summary>
    internal static class CompletionResults
    {
        public static IEnumerable<CompletionResult> From(IEnumerable<CompletionItem> items) =>
            items.Select(item => new CompletionResult(item.CompletionText, item.ListItemText, CompletionResultType.ParameterValue, item.ToolTip)).ToList();
    }
}
