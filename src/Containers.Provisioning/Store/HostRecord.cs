using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using Containers.Provisioning.Certificates;

namespace Containers.Provisioning.Store
{
    /// <summary>
    /// What host.json says about one host: how it was made and how to reach its engine. It holds no paths (the files
    /// have fixed names in the host's folder) and no secrets (those are the key files).
    /// </summary>
    public sealed class HostRecord
    {
        /// <summary>The format this version writes; a record with a higher one was written by a newer module and is refused.</summary>
        public const int CurrentFormatVersion = 1;

        public const int DefaultEnginePort = 2376;

        public int FormatVersion { get; init; } = CurrentFormatVersion;

        public string Name { get; init; } = string.Empty;

        /// <summary>"Local", "Ssh", "Azure": the driver that made the host and starts, stops and removes it.</summary>
        public string Driver { get; init; } = string.Empty;

        /// <summary>The IP address or DNS name the engine is reached at.</summary>
        public string Address { get; init; } = string.Empty;

        /// <summary>The engine's TLS port.</summary>
        public int EnginePort { get; init; } = DefaultEnginePort;

        /// <summary>The SSH port, for drivers that use SSH.</summary>
        public int? SshPort { get; init; }

        /// <summary>The driver's own settings, a JSON object it reads back (resource group, VM size, user name, ...). Never secrets.</summary>
        public JsonElement DriverSettings { get; init; } = EmptyObject();

        public DateTimeOffset Created { get; init; }

        /// <summary>Every name the server certificate was issued for (its SANs), localhost and 127.0.0.1 included.</summary>
        public IReadOnlyList<string> ServerNames { get; init; } = Array.Empty<string>();

        /// <summary>SHA-256 of the server certificate, as <see cref="IssuedCertificate.Fingerprint"/> writes it.</summary>
        public string ServerCertificateFingerprint { get; init; } = string.Empty;

        /// <summary>The host's SSH public key as pinned on first contact ("ssh-ed25519 AAAA..."); null when not known or not used.</summary>
        public string? SshHostKey { get; init; }

        /// <summary>The engine's address as DOCKER_HOST and a docker context write it: tcp://ADDRESS:PORT, IPv6 in brackets.</summary>
        public string EngineAddress
        {
            get
            {
                string host = SubjectAlternativeNames.TryParseAddress(Address, out var ip) && ip!.AddressFamily == AddressFamily.InterNetworkV6
                    ? "[" + ip + "]"
                    : Address;
                return "tcp://" + host + ":" + EnginePort.ToString(CultureInfo.InvariantCulture);
            }
        }

        internal static JsonElement EmptyObject()
        {
            using JsonDocument document = JsonDocument.Parse("{}");
            return document.RootElement.Clone();
        }
    }
}
