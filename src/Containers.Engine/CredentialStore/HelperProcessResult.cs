namespace Containers.Engine.CredentialStore
{
    /// <summary>How a helper program ended: its exit code and what it wrote to standard output and standard error.</summary>
    internal sealed class HelperProcessResult
    {
        public HelperProcessResult(int exitCode, string output, string error)
        {
            ExitCode = exitCode;
            Output = output;
            Error = error;
        }

        public int ExitCode { get; }

        public string Output { get; }

        public string Error { get; }
    }
}
