using System.Collections;
using Containers.Models;

namespace Containers.Parsing
{
    /// <summary>New-ContainerService's parameters as the user gave them, before any checking.</summary>
    public sealed class ServiceOptions
    {
        public string Image { get; set; } = string.Empty;

        public string? Name { get; set; }

        /// <summary>The command and its arguments (the task's Args), replacing the image's CMD.</summary>
        public IList<string>? Command { get; set; }

        /// <summary>Replaces the image's ENTRYPOINT (the task's Command).</summary>
        public IList<string>? Entrypoint { get; set; }

        public IDictionary? Environment { get; set; }

        /// <summary>docker -p's short form ('8080:80', '80/udp') or docker service's long form ('mode=host,target=80,published=8080').</summary>
        public IList<string>? Port { get; set; }

        /// <summary>ingress or host, for ports given in the short form.</summary>
        public string? PublishMode { get; set; }

        public IList<string>? Volume { get; set; }

        public IList<object>? Mount { get; set; }

        /// <summary>The service's labels.</summary>
        public IDictionary? Label { get; set; }

        /// <summary>Network names or ids, or network objects.</summary>
        public IList<object>? Network { get; set; }

        public string? User { get; set; }

        public string? WorkingDirectory { get; set; }

        public bool Tty { get; set; }

        public ulong? Replicas { get; set; }

        public ContainerServiceMode Mode { get; set; }

        /// <summary>Placement constraints: 'node.role==manager', 'node.labels.zone!=a'.</summary>
        public IList<string>? Constraint { get; set; }

        /// <summary>@{ Cpu = 0.5; Memory = '256m' }: at most this much per task.</summary>
        public IDictionary? Limit { get; set; }

        /// <summary>@{ Cpu = 0.25; Memory = '128m' }: a node must have this much free to take a task.</summary>
        public IDictionary? Reserve { get; set; }

        /// <summary>none, on-failure or any (the swarm's default).</summary>
        public string? RestartCondition { get; set; }

        public ulong? RestartMaxAttempts { get; set; }

        /// <summary>Turns a relative host path into an absolute one, as the user's current location reads it.</summary>
        public Func<string, string>? ResolveHostPath { get; set; }
    }
}
