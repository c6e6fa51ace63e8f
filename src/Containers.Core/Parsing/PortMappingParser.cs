using System.Globalization;
using System.Net;
using Containers.Engine.Models;
using Containers.Errors;

namespace Containers.Parsing
{
    /// <summary>
    /// Port publications as docker -p writes them: <c>80</c>, <c>8080:80</c>, <c>127.0.0.1:8080:80/udp</c>,
    /// <c>127.0.0.1::80</c>, <c>[::1]:8080:80</c>, and ranges (<c>8000-8001:80-81</c>, or a host range for one
    /// container port). Everything is checked here, so a typo never reaches the engine half-applied.
    /// </summary>
    public static class PortMappingParser
    {
        private const string ParameterName = "Port";

        /// <summary>The container port key (<c>80/tcp</c>) and where it is published, for each port the text names.</summary>
        public static IReadOnlyList<KeyValuePair<string, PortBinding>> Parse(string text)
        {
            string spec = (text ?? string.Empty).Trim();
            if (spec.Length == 0)
            {
                throw Invalid(text, "it is empty");
            }

            string protocol = "tcp";
            int slash = spec.LastIndexOf('/');
            if (slash >= 0)
            {
                protocol = spec.Substring(slash + 1).ToLowerInvariant();
                spec = spec.Substring(0, slash);
                if (protocol != "tcp" && protocol != "udp" && protocol != "sctp")
                {
                    throw Invalid(text, $"'{protocol}' is not a protocol; use tcp, udp or sctp");
                }
            }

            SplitAddress(text!, spec, out string? hostIp, out string hostPart, out string containerPart);
            (int first, int last) containerRange = ParseRange(text!, containerPart, "container port");
            (int first, int last)? hostRange = hostPart.Length == 0 ? ((int, int)?)null : ParseRange(text!, hostPart, "host port");

            int count = containerRange.last - containerRange.first + 1;
            if (hostRange != null)
            {
                int hostCount = hostRange.Value.last - hostRange.Value.first + 1;
                if (hostCount != count && count != 1)
                {
                    throw Invalid(text, $"the host range has {hostCount} ports but the container range has {count}");
                }
            }

            var result = new List<KeyValuePair<string, PortBinding>>(count);
            for (int offset = 0; offset < count; offset++)
            {
                string? hostPort = null;
                if (hostRange != null)
                {
                    // One container port with a host range lets the engine pick a free port from the range.
                    hostPort = count == 1 && hostRange.Value.first != hostRange.Value.last
                        ? hostRange.Value.first.ToString(CultureInfo.InvariantCulture) + "-" + hostRange.Value.last.ToString(CultureInfo.InvariantCulture)
                        : (hostRange.Value.first + offset).ToString(CultureInfo.InvariantCulture);
                }

                string key = (containerRange.first + offset).ToString(CultureInfo.InvariantCulture) + "/" + protocol;
                result.Add(new KeyValuePair<string, PortBinding>(key, new PortBinding { HostIp = hostIp ?? string.Empty, HostPort = hostPort ?? string.Empty }));
            }

            return result;
        }

        // ip:host:container, host:container or container; an IPv6 address comes in brackets.
        private static void SplitAddress(string original, string spec, out string? hostIp, out string hostPart, out string containerPart)
        {
            hostIp = null;
            string rest = spec;
            if (rest.StartsWith("[", StringComparison.Ordinal))
            {
                int close = rest.IndexOf(']');
                if (close < 0 || close + 1 >= rest.Length || rest[close + 1] != ':')
                {
                    throw Invalid(original, "an IPv6 address must be written in brackets and followed by ':', as in [::1]:8080:80");
                }

                hostIp = rest.Substring(1, close - 1);
                rest = rest.Substring(close + 2);
                CheckAddress(original, hostIp);
                int colon = rest.LastIndexOf(':');
                if (colon < 0)
                {
                    throw Invalid(original, "after the address it needs HOSTPORT:CONTAINERPORT (HOSTPORT may be empty)");
                }

                hostPart = rest.Substring(0, colon);
                containerPart = rest.Substring(colon + 1);
                return;
            }

            string[] parts = rest.Split(':');
            switch (parts.Length)
            {
                case 1:
                    hostPart = string.Empty;
                    containerPart = parts[0];
                    break;
                case 2:
                    hostPart = parts[0];
                    containerPart = parts[1];
                    if (hostPart.Length == 0)
                    {
                        throw Invalid(original, "the host port before ':' is empty; leave out the ':' to let the engine choose one");
                    }

                    break;
                case 3:
                    hostIp = parts[0];
                    hostPart = parts[1];
                    containerPart = parts[2];
                    CheckAddress(original, hostIp);
                    break;
                default:
                    throw Invalid(original, "it has too many ':' parts; the forms are CONTAINERPORT, HOSTPORT:CONTAINERPORT and IP:HOSTPORT:CONTAINERPORT (IPv6 addresses in brackets)");
            }
        }

        private static void CheckAddress(string original, string address)
        {
            if (!IPAddress.TryParse(address, out _))
            {
                throw Invalid(original, $"'{address}' is not an IP address");
            }
        }

        private static (int First, int Last) ParseRange(string original, string text, string what)
        {
            if (text.Length == 0)
            {
                throw Invalid(original, $"the {what} is missing");
            }

            int dash = text.IndexOf('-');
            int first = ParsePort(original, dash < 0 ? text : text.Substring(0, dash), what);
            int last = dash < 0 ? first : ParsePort(original, text.Substring(dash + 1), what);
            if (last < first)
            {
                throw Invalid(original, $"the {what} range {text} ends before it starts");
            }

            return (first, last);
        }

        private static int ParsePort(string original, string text, string what)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port < 1 || port > 65535)
            {
                throw Invalid(original, $"'{text}' is not a valid {what} (a number from 1 to 65535)");
            }

            return port;
        }

        private static InvalidParameterException Invalid(string? value, string reason) =>
            new InvalidParameterException(ParameterName, value, $"The port mapping '{value}' is not valid: {reason}.");
    }
}
