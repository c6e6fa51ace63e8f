namespace Containers.Errors
{
    /// <summary>
    /// A process in a container (docker run, docker exec) ended with a non-zero exit code: the error a script sees, as
    /// PowerShell 7.4's NativeCommandExitException is for a native command. The code stays in $LASTEXITCODE too.
    /// </summary>
    public sealed class ProcessExitException : Exception
    {
        public ProcessExitException(string message, int exitCode)
            : base(message)
        {
            ExitCode = exitCode;
        }

        public int ExitCode { get; }
    }
}
