using System.Text.Json;

namespace Containers.Provisioning.Store
{
    /// <summary>What a driver knows about a host it is making, for <see cref="HostStore.Add(NewHost)"/>.</summary>
    public sealed class NewHost
    {
        public string Name { get; init; } = string.Empty;

        public string Driver { get; init; } = string.Empty;

        /// <summary>The address the engine is reached at; it goes into the server certificate with <see cref="OtherNames"/>.</summary>
        public string Address { get; init; } = string.Empty;

        /// <summary>More IP addresses and DNS names the server certificate should name (a VM's private IP, its FQDN, ...).</summary>
        public IReadOnlyList<string> OtherNames { get; init; } = Array.Empty<string>();

        public int EnginePort { get; init; } = HostRecord.DefaultEnginePort;

        public int? SshPort { get; init; }

        /// <summary>A JSON object; empty when left out.</summary>
        public JsonElement? DriverSettings { get; init; }

        public string? SshHostKey { get; init; }

        /// <summary>
        /// Whether server-cert.pem and server-key.pem stay in the host's folder. The Local driver's engine reads them
        /// there; a remote host gets its copy when it is provisioned and the store need not keep the key.
        /// </summary>
        public bool KeepServerKey { get; init; } = true;
    }
}
