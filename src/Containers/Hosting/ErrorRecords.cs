using System.Management.Automation;
using Containers.Output;

namespace Containers.PowerShell.Hosting
{
    /// <summary>Turns the core's <see cref="CommandError"/> into PowerShell's ErrorRecord.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord From(CommandError error)
        {
            // ErrorKind mirrors ErrorCategory by name; the names exist in Windows PowerShell 5.1 and PowerShell 7 alike.
            ErrorCategory category = Enum.TryParse(error.Kind.ToString(), out ErrorCategory parsed) ? parsed : ErrorCategory.NotSpecified;
            var record = new ErrorRecord(error.Exception, error.ErrorId, category, error.Target);
            if (!string.Equals(error.Message, error.Exception.Message, StringComparison.Ordinal) || error.RecommendedAction != null)
            {
                record.ErrorDetails = new ErrorDetails(error.Message) { RecommendedAction = error.RecommendedAction };
            }

            return record;
        }
    }
}
