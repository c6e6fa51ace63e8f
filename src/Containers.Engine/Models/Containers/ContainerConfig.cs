namespace Containers.Engine.Models
{
    /// <summary>The portable part of a container's configuration (what <c>Config</c> holds in inspect output).</summary>
    public class ContainerConfig
    {
        public string? Hostname { get; set; }

        public string? Domainname { get; set; }

        public string? User { get; set; }

        public bool AttachStdin { get; set; }

        public bool AttachStdout { get; set; }

        public bool AttachStderr { get; set; }

        /// <summary>Keys like <c>80/tcp</c>; the values are empty objects.</summary>
        public Dictionary<string, EmptyObject>? ExposedPorts { get; set; }

        public bool Tty { get; set; }

        public bool OpenStdin { get; set; }

        public bool StdinOnce { get; set; }

        public List<string>? Env { get; set; }

        public List<string>? Cmd { get; set; }

        public List<string>? Entrypoint { get; set; }

        public string? Image { get; set; }

        public Dictionary<string, EmptyObject>? Volumes { get; set; }

        public string? WorkingDir { get; set; }

        public Dictionary<string, string>? Labels { get; set; }

        public string? StopSignal { get; set; }

        public int? StopTimeout { get; set; }

        public HealthConfig? Healthcheck { get; set; }

        public bool? NetworkDisabled { get; set; }
    }

    /// <summary>The engine's <c>{}</c> values (exposed ports, volumes).</summary>
    public sealed class EmptyObject
    {
    }
}
