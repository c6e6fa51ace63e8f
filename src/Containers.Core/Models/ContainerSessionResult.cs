namespace Containers.Models
{
    /// <summary>How an interactive session (Enter-Container) ended: what -PassThru returns.</summary>
    public sealed class ContainerSessionResult
    {
        public ContainerSessionResult(string containerName, string mode, int? exitCode, bool detached)
        {
            ContainerName = containerName;
            Mode = mode;
            ExitCode = exitCode;
            Detached = detached;
        }

        public string ContainerName { get; }

        /// <summary>Exec (a new process) or Attach (the container's main process).</summary>
        public string Mode { get; }

        /// <summary>The process's exit code; null when the user detached and it goes on running.</summary>
        public int? ExitCode { get; }

        public bool Detached { get; }
    }
}
