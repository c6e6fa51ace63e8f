using System.Globalization;
using System.Text.RegularExpressions;

namespace Containers.Engine.Ssh
{
    /// <summary>Where an SSH host is, who logs in, with which key, and which host key it must present.</summary>
    public sealed class SshConnection
    {
        public const int DefaultPort = 22;

        // A name or address ssh takes as a destination, and never as one of its options (a leading '-' would be).
        private static readonly Regex AddressPattern = new Regex(@"^[A-Za-z0-9_.:%\[\]][A-Za-z0-9_.:%\[\]-]*$", RegexOptions.CultureInvariant);

        // The characters POSIX allows in user names; ssh would read a leading '-' as an option.
        private static readonly Regex UserPattern = new Regex(@"^[A-Za-z0-9_.][A-Za-z0-9_.-]*\$?$", RegexOptions.CultureInvariant);

        /// <summary>IP address or DNS name.</summary>
        public string Address { get; init; } = string.Empty;

        public int Port { get; init; } = DefaultPort;

        public string User { get; init; } = "root";

        /// <summary>The private key file (OpenSSH or PEM format) the host has in its authorized_keys.</summary>
        public string IdentityFile { get; init; } = string.Empty;

        /// <summary>The pinned host key; null on first contact, when the key the host presents is accepted and returned in the run's result, for the store to pin.</summary>
        public SshHostKey? HostKey { get; init; }

        /// <summary>How long to wait for the TCP connection and the SSH handshake.</summary>
        public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

        /// <summary>Whether ssh takes this as a destination, and never as one of its options.</summary>
        public static bool IsAddress(string? address) => AddressPattern.IsMatch(address ?? string.Empty);

        /// <summary>Whether ssh takes this as a user name, and never as one of its options.</summary>
        public static bool IsUserName(string? user) => UserPattern.IsMatch(user ?? string.Empty);

        /// <summary>"user@address:port", for messages.</summary>
        public override string ToString() => User + "@" + Address + ":" + Port.ToString(CultureInfo.InvariantCulture);

        /// <exception cref="ArgumentException">A value ssh would misread, or one that is missing.</exception>
        public void Validate()
        {
            if (!IsAddress(Address))
            {
                throw new ArgumentException($"'{Address}' is not an address an SSH connection can use: give an IP address or a DNS name.", nameof(Address));
            }

            if (Port < 1 || Port > 65535)
            {
                throw new ArgumentException($"{Port} is not a TCP port: give a number from 1 to 65535.", nameof(Port));
            }

            if (!IsUserName(User))
            {
                throw new ArgumentException($"'{User}' is not a user name an SSH connection can use.", nameof(User));
            }

            if (string.IsNullOrWhiteSpace(IdentityFile))
            {
                throw new ArgumentException("An SSH connection needs the private key file to log in with.", nameof(IdentityFile));
            }

            if (ConnectTimeout < TimeSpan.FromSeconds(1))
            {
                throw new ArgumentException("The SSH connect timeout must be at least one second.", nameof(ConnectTimeout));
            }
        }
    }
}
