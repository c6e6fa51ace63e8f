namespace Containers.Models
{
    /// <summary>How a waited-for container ended.</summary>
    public sealed class ContainerWaitResult
    {
        public ContainerWaitResult(string id, string name, long exitCode, string? error)
        {
            Id = id;
            Name = name;
            ExitCode = exitCode;
            Error = error;
        }

        public string Id { get; }

        public string Name { get; }

        public long ExitCode { get; }

        public string? Error { get; }
    }
}
