using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Containers.Errors;

namespace Containers.Parsing
{
    /// <summary>An address block in CIDR form (10.231.1.0/24, fd00:231::/64), checked before the engine sees it.</summary>
    public sealed class Cidr
    {
        private Cidr(string text, IPAddress address, int prefixLength)
        {
            Text = text;
            Address = address;
            PrefixLength = prefixLength;
        }

        /// <summary>As the user wrote it, trimmed.</summary>
        public string Text { get; }

        public IPAddress Address { get; }

        public int PrefixLength { get; }

        public bool IsIPv6 => Address.AddressFamily == AddressFamily.InterNetworkV6;

        /// <exception cref="InvalidParameterException">Not an address, a slash and a prefix length the address family allows.</exception>
        public static Cidr Parse(string? text, string parameterName)
        {
            string trimmed = (text ?? string.Empty).Trim();
            int slash = trimmed.IndexOf('/');
            if (slash > 0
                && IPAddressText.TryParse(trimmed.Substring(0, slash), out IPAddress address)
                && int.TryParse(trimmed.Substring(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int prefix)
                && prefix <= (address.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32))
            {
                return new Cidr(trimmed, address, prefix);
            }

            throw new InvalidParameterException(parameterName, text,
                $"'{text}' given to -{parameterName} is not an address block in CIDR form, such as 10.231.1.0/24 or fd00:231::/64.");
        }

        /// <summary>True when the address lies in this block (same family, same leading prefix bits).</summary>
        public bool Contains(IPAddress address)
        {
            if (address.AddressFamily != Address.AddressFamily)
            {
                return false;
            }

            byte[] mine = Address.GetAddressBytes();
            byte[] theirs = address.GetAddressBytes();
            for (int bit = 0; bit < PrefixLength; bit++)
            {
                int mask = 0x80 >> (bit % 8);
                if ((mine[bit / 8] & mask) != (theirs[bit / 8] & mask))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True when the whole of <paramref name="inner"/> lies in this block.</summary>
        public bool Contains(Cidr inner) => inner.PrefixLength >= PrefixLength && Contains(inner.Address);

        public override string ToString() => Text;
    }
}
