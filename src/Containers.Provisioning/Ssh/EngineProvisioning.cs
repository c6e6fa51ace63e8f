using System.Text.Json;
using Containers.Provisioning.Store;

namespace Containers.Provisioning.Ssh
{
    /// <summary>What provisioning puts on a remote host: the TLS files, the engine's port, where its files go, and any more daemon settings.</summary>
    public sealed class EngineProvisioning
    {
        /// <summary>The store's authority certificate: the engine accepts clients it signed.</summary>
        public string AuthorityPem { get; init; } = string.Empty;

        public string ServerCertificatePem { get; init; } = string.Empty;

        public string ServerKeyPem { get; init; } = string.Empty;

        public int EnginePort { get; init; } = HostRecord.DefaultEnginePort;

        /// <summary>Where ca.pem, server-cert.pem, server-key.pem and daemon.json go.</summary>
        public string ConfigDirectory { get; init; } = "/etc/docker";

        /// <summary>A detached engine's output (hosts without systemd; systemd keeps its own journal).</summary>
        public string LogFile { get; init; } = "/var/log/containers-dockerd.log";

        /// <summary>A detached engine's pid file, which a later provisioning reads to stop it first.</summary>
        public string PidFile { get; init; } = "/var/run/docker.pid";

        /// <summary>The engine's local socket, also listed in daemon.json so the host's own docker CLI keeps working.</summary>
        public string Socket { get; init; } = "/var/run/docker.sock";

        /// <summary>How long a detached engine may take to open its socket.</summary>
        public int StartSeconds { get; init; } = 60;

        /// <summary>More daemon.json settings (a JSON object), for example a log driver or a data root; the TLS and listener settings are the module's.</summary>
        public JsonElement? DaemonSettings { get; init; }

        /// <summary>The provisioning of a host whose certificates were just issued.</summary>
        public static EngineProvisioning For(HostCertificates certificates, int enginePort = HostRecord.DefaultEnginePort) => new EngineProvisioning
        {
            AuthorityPem = certificates.AuthorityPem,
            ServerCertificatePem = certificates.Server.CertificatePem,
            ServerKeyPem = certificates.Server.KeyPem,
            EnginePort = enginePort,
        };
    }
}
