using System.Collections;

namespace Containers.Parsing
{
    /// <summary>
    /// What New- and Set-ContainerService both say about a service's tasks, as the user gave it, before any checking.
    /// Null is "not given": New leaves the swarm's default, Set leaves the service as it is. A given value replaces that
    /// part of the spec whole, and an empty one (an empty list or table, an empty text) clears it.
    /// </summary>
    public class ServiceTaskOptions
    {
        /// <summary>The command and its arguments (the task's Args), replacing the image's CMD.</summary>
        public IList<string>? Command { get; set; }

        /// <summary>Replaces the image's ENTRYPOINT (the task's Command).</summary>
        public IList<string>? Entrypoint { get; set; }

        public IDictionary? Environment { get; set; }

        /// <summary>docker -p's short form ('8080:80', '80/udp') or docker service's long form ('mode=host,target=80,published=8080').</summary>
        public IList<string>? Port { get; set; }

        /// <summary>ingress or host, for ports given in the short form.</summary>
        public string? PublishMode { get; set; }

        /// <summary>Volumes and bind mounts; with <see cref="Mount"/>, the task's mounts.</summary>
        public IList<string>? Volume { get; set; }

        public IList<object>? Mount { get; set; }

        /// <summary>Secrets the tasks get as files: 'NAME' or 'source=NAME,target=FILE,uid=0,gid=0,mode=0400'.</summary>
        public IList<string>? Secret { get; set; }

        /// <summary>Configs the tasks get as files, in the same forms as <see cref="Secret"/>.</summary>
        public IList<string>? Config { get; set; }

        /// <summary>The service's labels.</summary>
        public IDictionary? Label { get; set; }

        /// <summary>Network names or ids, or network objects.</summary>
        public IList<object>? Network { get; set; }

        public string? User { get; set; }

        public string? WorkingDirectory { get; set; }

        public bool? Tty { get; set; }

        /// <summary>Placement constraints: 'node.role==manager', 'node.labels.zone!=a'.</summary>
        public IList<string>? Constraint { get; set; }

        /// <summary>@{ Cpu = 0.5; Memory = '256m' }: at most this much per task.</summary>
        public IDictionary? Limit { get; set; }

        /// <summary>@{ Cpu = 0.25; Memory = '128m' }: a node must have this much free to take a task.</summary>
        public IDictionary? Reserve { get; set; }

        /// <summary>none, on-failure or any (the swarm's default).</summary>
        public string? RestartCondition { get; set; }

        public ulong? RestartMaxAttempts { get; set; }

        /// <summary>Whether any setting is given (the path resolver is not one).</summary>
        public bool GivesAny =>
            Command != null || Entrypoint != null || Environment != null || Port != null || PublishMode != null || Volume != null
            || Mount != null || Secret != null || Config != null || Label != null || Network != null || User != null
            || WorkingDirectory != null || Tty != null || Constraint != null || Limit != null || Reserve != null
            || RestartCondition != null || RestartMaxAttempts != null;

        /// <summary>Turns a relative host path into an absolute one, as the user's current location reads it.</summary>
        public Func<string, string>? ResolveHostPath { get; set; }
    }
}
