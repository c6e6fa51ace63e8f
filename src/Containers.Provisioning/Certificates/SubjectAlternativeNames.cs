using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Containers.Provisioning.Certificates
{
    /// <summary>
    /// The names a server certificate answers to: every IP address and DNS name of the host, plus localhost and
    /// 127.0.0.1, so the engine is also reachable through an SSH tunnel or from the host itself. docker-machine's
    /// certificates named one address, and every address change broke them.
    /// </summary>
    public sealed class SubjectAlternativeNames
    {
        public const string Localhost = "localhost";

        private SubjectAlternativeNames(IReadOnlyList<string> dnsNames, IReadOnlyList<IPAddress> addresses)
        {
            DnsNames = dnsNames;
            Addresses = addresses;
        }

        /// <summary>In the order given, lowercased, without duplicates; localhost last unless given earlier.</summary>
        public IReadOnlyList<string> DnsNames { get; }

        /// <summary>In the order given, without duplicates; 127.0.0.1 last unless given earlier.</summary>
        public IReadOnlyList<IPAddress> Addresses { get; }

        /// <summary>Every name as text: DNS names, then addresses.</summary>
        public IEnumerable<string> All => DnsNames.Concat(Addresses.Select(address => address.ToString()));

        /// <summary>Sorts names into IP addresses (IPv6 with or without brackets) and DNS names, and adds the loopback names.</summary>
        /// <exception cref="ArgumentException">A name is neither an IP address nor a valid DNS name; the message names it.</exception>
        public static SubjectAlternativeNames From(IEnumerable<string> names)
        {
            var dnsNames = new List<string>();
            var addresses = new List<IPAddress>();
            foreach (string raw in names.Concat(new[] { Localhost, "127.0.0.1" }))
            {
                string name = (raw ?? string.Empty).Trim();
                if (name.Length == 0)
                {
                    continue;
                }

                if (TryParseAddress(name, out IPAddress? address))
                {
                    if (!addresses.Contains(address!))
                    {
                        addresses.Add(address!);
                    }

                    continue;
                }

                string dns = name.TrimEnd('.').ToLowerInvariant();
                if (!IsDnsName(dns))
                {
                    throw new ArgumentException($"'{name}' is neither an IP address nor a DNS name (letters, digits and '-' in labels of at most 63 characters, separated by dots; '*.' only as the first label).", nameof(names));
                }

                if (!dnsNames.Contains(dns))
                {
                    dnsNames.Add(dns);
                }
            }

            return new SubjectAlternativeNames(dnsNames, addresses);
        }

        /// <summary>
        /// Only the forms people write: dotted quads and IPv6 (optionally in brackets). IPAddress.TryParse alone would
        /// also take "10" or "0x7f.1" as IPv4 addresses, which are far likelier to be meant as host names.
        /// </summary>
        internal static bool TryParseAddress(string text, out IPAddress? address)
        {
            address = null;
            string candidate = text.StartsWith("[", StringComparison.Ordinal) && text.EndsWith("]", StringComparison.Ordinal)
                ? text.Substring(1, text.Length - 2)
                : text;
            if (candidate.IndexOf(':') >= 0)
            {
                return IPAddress.TryParse(candidate, out address) && address.AddressFamily == AddressFamily.InterNetworkV6;
            }

            string[] parts = candidate.Split('.');
            if (parts.Length != 4 || parts.Any(part => part.Length == 0 || part.Length > 3 || !part.All(c => c >= '0' && c <= '9')
                || int.Parse(part, CultureInfo.InvariantCulture) > 255))
            {
                return false;
            }

            address = IPAddress.Parse(candidate);
            return true;
        }

        private static bool IsDnsName(string name)
        {
            if (name.Length == 0 || name.Length > 253)
            {
                return false;
            }

            string[] labels = name.Split('.');
            for (int i = 0; i < labels.Length; i++)
            {
                string label = labels[i];
                if (i == 0 && label == "*" && labels.Length > 2)
                {
                    continue;
                }

                if (label.Length == 0 || label.Length > 63 || label[0] == '-' || label[label.Length - 1] == '-'
                    || !label.All(c => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
