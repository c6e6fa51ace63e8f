namespace Containers.Output
{
    /// <summary>
    /// Everything a command may do to its caller. The cmdlets implement it over PSCmdlet; tests implement it by recording,
    /// which is what lets the behaviour behind every cmdlet run under xunit against a real engine.
    /// </summary>
    public interface ICommandOutput
    {
        void WriteObject(object value);

        /// <summary>A non-terminating error: the command goes on with its next input.</summary>
        void WriteError(CommandError error);

        void WriteWarning(string message);

        void WriteVerbose(string message);

        void WriteDebug(string message);

        void WriteProgress(ProgressUpdate progress);

        void WriteInformation(string message, params string[] tags);

        /// <summary>Asks whether to go ahead (-WhatIf, -Confirm). False means skip this target.</summary>
        bool ShouldProcess(string target, string action);

        /// <summary>
        /// A question beyond ShouldProcess, asked even where $ConfirmPreference would not ask (a prune that destroys data).
        /// False means do not go ahead.
        /// </summary>
        /// <exception cref="ConfirmationUnavailableException">Nobody can answer here (no interactive host).</exception>
        bool ShouldContinue(string query, string caption);

        /// <summary>Records a process exit code where scripts look for it ($LASTEXITCODE).</summary>
        void SetExitCode(int exitCode);
    }
}
