using System.Collections;

namespace Containers.Parsing
{
    /// <summary>New-Container's and Invoke-ContainerImage's parameters as the user gave them, before any checking.</summary>
    public sealed class ContainerOptions
    {
        public string Image { get; set; } = string.Empty;

        public IList<string>? Command { get; set; }

        /// <summary>An empty list clears the image's ENTRYPOINT.</summary>
        public IList<string>? Entrypoint { get; set; }

        public IDictionary? Environment { get; set; }

        public IList<string>? Port { get; set; }

        public IList<string>? Volume { get; set; }

        public IList<object>? Mount { get; set; }

        public IDictionary? Label { get; set; }

        public string? RestartPolicy { get; set; }

        public object? Memory { get; set; }

        public object? Cpu { get; set; }

        /// <summary>A network name or id (host, none, bridge included), or a ContainerNetwork.</summary>
        public object? Network { get; set; }

        public string? User { get; set; }

        public string? WorkingDirectory { get; set; }

        public string? HostName { get; set; }

        public bool Tty { get; set; }

        public bool Interactive { get; set; }

        public bool Privileged { get; set; }

        public bool ReadOnly { get; set; }

        /// <summary>Turns a relative host path ('./src') into an absolute one, as the user's current location reads it.</summary>
        public Func<string, string>? ResolveHostPath { get; set; }
    }
}
