using Containers.Errors;
using Containers.Output;

namespace Containers.Commands.Targets
{
    /// <summary>
    /// The steps every command takes for each of its targets once they are known, wherever they come from (an engine's
    /// objects, the host store): ask ShouldProcess when the command changes something, act, and report a failure for
    /// that target as a non-terminating error and go on with the next.
    /// </summary>
    public static class PerTarget
    {
        /// <param name="describe">How a target reads in -WhatIf and confirmation text.</param>
        /// <param name="action">The verb as -WhatIf shows it; null for a command that only reads, which asks nothing.</param>
        /// <param name="classify">How a failure for one target reads.</param>
        public static async Task ActAsync(
            IEnumerable<string> targets,
            ICommandOutput output,
            Func<string, string> describe,
            string? action,
            Func<string, Task> act,
            Func<Exception, string, CommandError> classify)
        {
            foreach (string target in targets)
            {
                if (action != null && !output.ShouldProcess(describe(target), action))
                {
                    continue;
                }

                try
                {
                    await act(target);
                }
                catch (Exception e) when (ErrorClassifier.IsPerTarget(e))
                {
                    output.WriteError(classify(e, target));
                }
            }
        }
    }
}
