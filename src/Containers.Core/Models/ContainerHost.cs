using Containers.Provisioning.Drivers;

namespace Containers.Models
{
    /// <summary>
    /// A machine running a Docker engine that this module made (New-ContainerHost), with its live state. Pipe it to any
    /// engine cmdlet (its Engine property binds -Engine), or name it: -Engine NAME.
    /// </summary>
    public sealed class ContainerHost
    {
        public string Name { get; internal set; } = string.Empty;

        /// <summary>Local, Ssh or Azure.</summary>
        public string Driver { get; internal set; } = string.Empty;

        /// <summary>Running, Stopped, Unreachable or Error, as found just now.</summary>
        public HostState State { get; internal set; }

        /// <summary>Why the host is not Running, when it is not.</summary>
        public string? StateReason { get; internal set; }

        /// <summary>The engine's address: tcp://ADDRESS:PORT, with TLS.</summary>
        public string? Url { get; internal set; }

        public string? Address { get; internal set; }

        /// <summary>The engine's TLS port.</summary>
        public int? Port { get; internal set; }

        public DateTime? Created { get; internal set; }

        /// <summary>The host's folder in the host store (host.json, ca.pem, cert.pem, key.pem).</summary>
        public string StorePath { get; internal set; } = string.Empty;

        /// <summary>The Docker engine's version, when it answered.</summary>
        public string? EngineVersion { get; internal set; }

        /// <summary>Every name and address the engine's server certificate holds.</summary>
        public string[] ServerNames { get; internal set; } = Array.Empty<string>();

        /// <summary>The host's engine, for -Engine (piped by property name); null when the host's files cannot be used.</summary>
        public ContainerEngine? Engine { get; internal set; }

        public override string ToString() => Name;
    }
}
