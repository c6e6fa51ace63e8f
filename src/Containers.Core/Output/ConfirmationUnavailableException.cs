namespace Containers.Output
{
    /// <summary>
    /// <see cref="ICommandOutput.ShouldContinue"/> or a prompting <see cref="ICommandOutput.ShouldProcess"/> could not ask:
    /// the session has nobody to answer (pwsh -NonInteractive, a hosted runspace, a job whose parent cannot prompt). The
    /// command then does not go ahead; escaped, it is a ConfirmationRequired error.
    /// </summary>
    public sealed class ConfirmationUnavailableException : Exception
    {
        public ConfirmationUnavailableException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
