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

        /// <summary>The client behind this engine; shared by every object from the same engine.</summary>
        public EngineClient Client { get; }

        public override string ToString() => Name;
    }
}
