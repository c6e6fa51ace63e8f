namespace Containers.Output
{
    /// <summary>
    /// How a prune asks before it removes everything a filter matches, as docker asks "Are you sure you want to
    /// continue?" and as Azure PowerShell's rule has it: ShouldProcess (-WhatIf, -Confirm), then, unless -Force,
    /// ShouldContinue, which asks whatever $ConfirmPreference says (the cmdlet bridge skips it under -Confirm:$false).
    /// Where nobody can answer, nothing is removed and the error says how not to be asked.
    /// </summary>
    public static class PruneConfirmation
    {
        public const string UnansweredErrorId = "PruneConfirmationRequired";

        /// <param name="what">What goes, as ShouldProcess names its target: "all stopped containers on ENGINE".</param>
        /// <param name="engineName">The error's target when nobody can answer.</param>
        /// <param name="force">-Force: do not ask.</param>
        public static bool Confirm(ICommandOutput output, string what, string engineName, bool force)
        {
            if (!output.ShouldProcess(what, "Remove"))
            {
                return false;
            }

            if (force)
            {
                return true;
            }

            try
            {
                return output.ShouldContinue($"Remove {what}? They cannot be brought back.", "Confirm");
            }
            catch (ConfirmationUnavailableException e)
            {
                output.WriteError(new CommandError(
                    UnansweredErrorId,
                    ErrorKind.InvalidOperation,
                    $"Nothing was removed: removing {what} needs a confirmation, and this session cannot ask for one: {e.Message}",
                    engineName,
                    e,
                    "Add -Force or -Confirm:$false to remove without being asked, or -WhatIf to see what would go."));
                return false;
            }
        }
    }
}
