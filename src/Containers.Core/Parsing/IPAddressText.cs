using System.Net;
using System.Net.Sockets;
using Containers.Errors;

namespace Containers.Parsing
{
    /// <summary>
    /// IP addresses as users write them, read strictly: IPAddress.TryParse alone takes "10.1" for 10.0.0.1 and "7" for
    /// 0.0.0.7, which the engine would then use as given.
    /// </summary>
    public static class IPAddressText
    {
        public static bool TryParse(string? text, out IPAddress address)
        {
            address = IPAddress.None;
            if (string.IsNullOrWhiteSpace(text) || !IPAddress.TryParse(text!.Trim(), out IPAddress? parsed))
            {
                return false;
            }

            if (parsed.AddressFamily == AddressFamily.InterNetwork && text.Trim().Split('.').Length != 4)
            {
                return false;
            }

            if (parsed.AddressFamily == AddressFamily.InterNetworkV6 && (parsed.ScopeId != 0 || text.IndexOf('%') >= 0))
            {
                // A zone ("fe80::1%eth0") means nothing to the engine's address pools.
                return false;
            }

            address = parsed;
            return true;
        }

        /// <exception cref="InvalidParameterException">The text is not an IPv4 or IPv6 address.</exception>
        public static IPAddress Parse(string? text, string parameterName)
        {
            if (!TryParse(text, out IPAddress address))
            {
                throw new InvalidParameterException(parameterName, text,
                    $"'{text}' given to -{parameterName} is not an IP address: write IPv4 as 10.231.1.10 or IPv6 as fd00:231::10.");
            }

            return address;
        }
    }
}
