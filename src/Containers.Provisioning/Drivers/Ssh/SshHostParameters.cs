using Containers.Engine.Ssh;
using Containers.Provisioning.Ssh;
using Containers.Provisioning.Store;

namespace Containers.Provisioning.Drivers.Ssh
{
    /// <summary>What New-ContainerHost -Driver Ssh is given: where the machine is, how to log in, and optionally its host key.</summary>
    public sealed class SshHostParameters
    {
        /// <summary>The machine's IP address or DNS name, for SSH and for the engine.</summary>
        public string? Address { get; init; }

        /// <summary>The user to log in as: root, or a user that may run sudo without a password.</summary>
        public string User { get; init; } = "root";

        /// <summary>The private key to log in with; default the user's ~/.ssh/id_ed25519, id_ecdsa or id_rsa, the first that exists.</summary>
        public string? KeyFile { get; init; }

        public int Port { get; init; } = SshConnection.DefaultPort;

        /// <summary>The host key the machine must present ("ssh-ed25519 AAAA..."); when absent, the key presented at first contact is pinned.</summary>
        public string? HostKey { get; init; }

        /// <summary>The engine's TLS port.</summary>
        public int EnginePort { get; init; } = HostRecord.DefaultEnginePort;
    }
}
