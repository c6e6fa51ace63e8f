using System;

namespace Containers.Output
{
    /// <summary>
    /// <see cref="ICommandOutput.ShouldContinue"/> could not ask: the session has nobody to answer (pwsh -NonInteractive,
    /// a hosted runspace, a job whose parent cannot prompt). The command then does not go ahead.
    /// </summary>
    public sealed class ConfirmationUnavailableException : Exception
    {
        public ConfirmationUnavailableException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
