using System;
using Containers.Engine;

namespace Containers.Models
{
    /// <summary>
    /// An engine the module talks to: where it is, how it was chosen, and (once asked, by Get-ContainerEngine or
    /// Connect-ContainerEngine) what it is. Pass it to -Engine, or pipe objects that carry it.
    /// </summary>
    public sealed class ContainerEngine
    {
        internal ContainerEngine(EngineClient client, string name, string source)
        {
            Client = client;
            Name = name;
            Source = source;
        }

        /// <summary>The docker context or host name it was chosen by, else its address.</summary>
        public string Name { get; }

        public string Uri => Client.Endpoint.ToString();

        /// <summary>Where the choice came from: parameter, DOCKER_HOST, DOCKER_CONTEXT, the current context, or the default.</summary>
        public string Source { get; }

        public bool UsesTls => Client.Tls != null;

        public string? ApiVersion { get; internal set; }

        public string? EngineVersion { get; internal set; }

        public string? MinimumApiVersion { get; internal set; }

        public string? OSType { get; internal set; }

        public string? OperatingSystem { get; internal set; }

        public string? Architecture { get; internal set; }

        public string? KernelVersion { get; internal set; }

        public string? HostName { get; internal set; }

        public int? Containers { get; internal set; }

        public int? ContainersRunning { get; internal set; }

        public int? ContainersPaused { get; internal set; }

        public int? ContainersStopped { get; internal set; }

        public int? Images { get; internal set; }

        public string? StorageDriver { get; internal set; }

        public string? CgroupDriver { get; internal set; }

        public string? RootDirectory { get; internal set; }

        public int? CpuCount { get; internal set; }

        /// <summary>Bytes.</summary>
        public long? MemoryTotal { get; internal set; }

        public string[] Warnings { get; internal set; } = Array.Empty<string>();

        /// <summary>The engine's own id (docker info's ID), stable across restarts.</summary>
        public string? EngineId { get; internal set; }

        /// <summary>The OS version where the engine reports one (Windows builds); empty on Linux.</summary>
        public string? OSVersion { get; internal set; }

        /// <summary>1 or 2.</summary>
        public string? CgroupVersion { get; internal set; }

        /// <summary>The logging driver containers get unless they name another.</summary>
        public string? LoggingDriver { get; internal set; }

        public string? DefaultRuntime { get; internal set; }

        public string[] Runtimes { get; internal set; } = Array.Empty<string>();

        /// <summary>name=seccomp,profile=default, name=apparmor, name=rootless, ...</summary>
        public string[] SecurityOptions { get; internal set; } = Array.Empty<string>();

        /// <summary>Container isolation on Windows engines (process or hyperv).</summary>
        public string? Isolation { get; internal set; }

        /// <summary>Registries reached without TLS verification: names, then networks (CIDR), as docker info lists them.</summary>
        public string[] InsecureRegistries { get; internal set; } = Array.Empty<string>();

        public string[] RegistryMirrors { get; internal set; } = Array.Empty<string>();

        /// <summary>The registry docker login and docker search use when none is named.</summary>
        public string? IndexServerAddress { get; internal set; }

        /// <summary>Containers keep running while the engine restarts.</summary>
        public bool? LiveRestoreEnabled { get; internal set; }

        /// <summary>The engine runs with experimental features on.</summary>
        public bool? Experimental { get; internal set; }

        /// <summary>The engine runs in debug mode.</summary>
        public bool? Debug { get; internal set; }

        /// <summary>The engine's labels (key=value), from its configuration.</summary>
        public string[] Labels { get; internal set; } = Array.Empty<string>();

        public string? HttpProxy { get; internal set; }

        public string? HttpsProxy { get; internal set; }

        public string? NoProxy { get; internal set; }

        /// <summary>inactive, pending, active, error or locked.</summary>
        public string? SwarmState { get; internal set; }

        /// <summary>The engine's clock when asked, in local time.</summary>
        public DateTime? SystemTime { get; internal set; }

        public string? GoVersion { get; internal set; }

        public string? GitCommit { get; internal set; }

        /// <summary>The client behind this engine; shared by every object from the same engine.</summary>
        public EngineClient Client { get; }

        public override string ToString() => Name;
    }
}
