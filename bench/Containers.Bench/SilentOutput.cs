using Containers.Output;

namespace Containers.Bench
{
    /// <summary>
    /// A command output that shows nothing and counts progress records: what <see cref="Containers.Progress.LayerProgress"/>
    /// writes to, so a pull is read with the cmdlet's parsing and filtering cost but without a console's.
    /// </summary>
    internal sealed class SilentOutput : ICommandOutput
    {
        public int ProgressRecords { get; private set; }

        public void WriteObject(object value)
        {
        }

        public void WriteError(CommandError error)
        {
        }

        public void WriteWarning(string message)
        {
        }

        public void WriteVerbose(string message)
        {
        }

        public void WriteDebug(string message)
        {
        }

        public void WriteProgress(ProgressUpdate progress) => ProgressRecords++;

        public void WriteInformation(string message, params string[] tags)
        {
        }

        public bool ShouldProcess(string target, string action) => true;

        public bool ShouldContinue(string query, string caption) => true;

        public void SetExitCode(int exitCode)
        {
        }
    }
}
