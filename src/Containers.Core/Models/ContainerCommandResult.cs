namespace Containers.Models
{
    /// <summary>A finished process in a container, with everything it wrote (what -PassThru returns instead of streaming).</summary>
    public sealed class ContainerCommandResult
    {
        public ContainerCommandResult(string containerName, int exitCode, IReadOnlyList<string> output, IReadOnlyList<string> error)
        {
            ContainerName = containerName;
            ExitCode = exitCode;
            Output = output;
            Error = error;
        }

        public string ContainerName { get; }

        public int ExitCode { get; }

        public IReadOnlyList<string> Output { get; }

        public IReadOnlyList<string> Error { get; }

        public bool Succeeded => ExitCode == 0;
    }
}
