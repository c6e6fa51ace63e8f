namespace Containers.Engine.Models
{
    /// <summary><c>GET /exec/{id}/json</c>: whether the command still runs, and its exit code once it does not.</summary>
    public sealed class ExecInspect
    {
        public string? ID { get; set; }

        public string? ContainerID { get; set; }

        public bool Running { get; set; }

        public int? ExitCode { get; set; }

        public bool OpenStdin { get; set; }

        public int Pid { get; set; }

        public ExecProcessConfig? ProcessConfig { get; set; }
    }

    public sealed class ExecProcessConfig
    {
        public string? Entrypoint { get; set; }

        public string[]? Arguments { get; set; }

        public bool Tty { get; set; }

        public string? User { get; set; }
    }
}
