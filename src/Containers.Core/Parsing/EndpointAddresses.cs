using System.Net;
using System.Net.Sockets;
using Containers.Engine.Models;
using Containers.Errors;

namespace Containers.Parsing
{
    /// <summary>Connect-ContainerNetwork -IPAddress: at most one static IPv4 and one static IPv6 address.</summary>
    public static class EndpointAddresses
    {
        /// <summary>Null when no address was given.</summary>
        /// <exception cref="InvalidParameterException">Not an address, or two of one family.</exception>
        public static EndpointIpamConfig? Parse(IEnumerable<string>? addresses)
        {
            EndpointIpamConfig? config = null;
            foreach (string text in addresses ?? new string[0])
            {
                IPAddress address = IPAddressText.Parse(text, "IPAddress");
                config ??= new EndpointIpamConfig();
                bool v6 = address.AddressFamily == AddressFamily.InterNetworkV6;
                string? earlier = v6 ? config.IPv6Address : config.IPv4Address;
                if (earlier != null)
                {
                    throw new InvalidParameterException("IPAddress", text,
                        $"-IPAddress has two {(v6 ? "IPv6" : "IPv4")} addresses, {earlier} and {text.Trim()}; a container has one of each on a network.");
                }

                if (v6)
                {
                    config.IPv6Address = address.ToString();
                }
                else
                {
                    config.IPv4Address = address.ToString();
                }
            }

            return config;
        }
    }
}
