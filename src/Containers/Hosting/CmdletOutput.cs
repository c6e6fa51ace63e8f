using System.Management.Automation;
using Containers.Output;

namespace Containers.PowerShell.Hosting
{
    /// <summary>
    /// The core's output interface over a running cmdlet. Calls from other threads are carried to the pipeline thread,
    /// so a stray continuation can never write from the wrong thread (which PowerShell would reject).
    /// </summary>
    internal sealed class CmdletOutput : ICommandOutput
    {
        private readonly PSCmdlet _cmdlet;
        private readonly PipelineThreadContext _context;

        public CmdletOutput(PSCmdlet cmdlet, PipelineThreadContext context)
        {
            _cmdlet = cmdlet;
            _context = context;
        }

        public void WriteObject(object value) => OnPipelineThread(() => _cmdlet.WriteObject(value));

        public void WriteError(CommandError error) => OnPipelineThread(() => _cmdlet.WriteError(ErrorRecords.From(error)));

        public void WriteWarning(string message) => OnPipelineThread(() => _cmdlet.WriteWarning(message));

        public void WriteVerbose(string message) => OnPipelineThread(() => _cmdlet.WriteVerbose(message));

        public void WriteDebug(string message) => OnPipelineThread(() => _cmdlet.WriteDebug(message));

        public void WriteInformation(string message, params string[] tags) => OnPipelineThread(() => _cmdlet.WriteInformation(message, tags));

        public void WriteProgress(ProgressUpdate progress) => OnPipelineThread(() =>
        {
            var record = new ProgressRecord(progress.ActivityId, progress.Activity, progress.Status)
            {
                ParentActivityId = progress.ParentActivityId,
                PercentComplete = progress.PercentComplete,
                SecondsRemaining = progress.SecondsRemaining,
                RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            };
            if (progress.CurrentOperation != null)
            {
                record.CurrentOperation = progress.CurrentOperation;
            }

            _cmdlet.WriteProgress(record);
        });

        /// <remarks>
        /// Prompts when $ConfirmPreference or -Confirm says so (Remove-ContainerHost by default, being ConfirmImpact High);
        /// a host that cannot prompt then throws as it does for ShouldContinue (pwsh -NonInteractive, the console with
        /// its input at the end), and nothing is done: the command stops with a ConfirmationRequired error, not that crash.
        /// </remarks>
        public bool ShouldProcess(string target, string action) => _context.Invoke(() =>
        {
            try
            {
                return _cmdlet.ShouldProcess(target, action);
            }
            catch (Exception e) when (!(e is PipelineStoppedException))
            {
                throw new ConfirmationUnavailableException($"{action} on '{target}' needs a confirmation, and {CannotPrompt(e)}", e);
            }
        });

        /// <remarks>
        /// An explicit -Confirm has answered already: -Confirm:$false means do not ask, and -Confirm asked in ShouldProcess,
        /// which said yes to get here. A host that cannot prompt throws rather than answers, each its own way (seen in
        /// pwsh 7.6: -NonInteractive a PSInvalidOperationException, a hosted runspace a HostException, a job whose parent
        /// reads a closed input a RemoteException, the console with input at its end a NullReferenceException); any of
        /// them means nobody answered, and nothing is removed.
        /// </remarks>
        public bool ShouldContinue(string query, string caption) => _context.Invoke(() =>
        {
            if (_cmdlet.MyInvocation.BoundParameters.ContainsKey("Confirm"))
            {
                return true;
            }

            try
            {
                return _cmdlet.ShouldContinue(query, caption);
            }
            catch (Exception e) when (!(e is PipelineStoppedException))
            {
                throw new ConfirmationUnavailableException(CannotPrompt(e), e);
            }
        });

        public void SetExitCode(int exitCode) =>
            OnPipelineThread(() => _cmdlet.SessionState.PSVariable.Set("global:LASTEXITCODE", exitCode));

        private string CannotPrompt(Exception e) => $"the PowerShell host '{_cmdlet.Host.Name}' cannot prompt ({FirstSentence(e.Message)})";

        private static string FirstSentence(string text)
        {
            int end = text.IndexOf(". ", StringComparison.Ordinal);
            return (end < 0 ? text : text.Substring(0, end + 1)).Trim();
        }

        private void OnPipelineThread(System.Action action) => _context.Invoke(() =>
        {
            action();
            return true;
        });
    }
}
