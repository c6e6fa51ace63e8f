using System.Net;
using Containers.Commands.Networks;
using Containers.Engine.Models;
using Containers.Errors;

namespace Containers.Parsing
{
    /// <summary>
    /// Turns New-ContainerNetwork's parameters into the engine's create request, every value checked first, so bad input
    /// never leaves a network behind. Gateways and ranges go with the subnet that contains them, as docker network
    /// create pairs them.
    /// </summary>
    public static class NetworkRequestBuilder
    {
        public static NetworkCreateRequest Build(NetworkOptions options)
        {
            string name = (options.Name ?? string.Empty).Trim();
            if (name.Length == 0)
            {
                throw new InvalidParameterException("Name", options.Name, "The network name is empty.");
            }

            if (NetworkNames.IsPredefined(name))
            {
                throw new InvalidParameterException("Name", name,
                    $"'{name}' is one of the engine's predefined networks ({NetworkNames.PredefinedList}), which already exist and cannot be made again; choose another name.");
            }

            return new NetworkCreateRequest
            {
                Name = name,
                Driver = string.IsNullOrWhiteSpace(options.Driver) ? null : options.Driver!.Trim(),
                Internal = options.Internal,
                Attachable = options.Attachable,
                EnableIPv6 = options.IPv6,
                IPAM = BuildIpam(options),
                Options = ToMap(options.Option, "Option", "driver option"),
                Labels = LabelConverter.ToLabels(options.Label),
            };
        }

        private static NetworkIpam? BuildIpam(NetworkOptions options)
        {
            List<Cidr> subnets = (options.Subnet ?? new List<string>()).Select(s => Cidr.Parse(s, "Subnet")).ToList();
            if (subnets.Count == 0)
            {
                if ((options.Gateway?.Count ?? 0) > 0 || (options.IPRange?.Count ?? 0) > 0)
                {
                    string which = (options.Gateway?.Count ?? 0) > 0 ? "Gateway" : "IPRange";
                    throw new InvalidParameterException(which, which == "Gateway" ? options.Gateway![0] : options.IPRange![0],
                        $"-{which} needs -Subnet: name the subnet it belongs to.");
                }

                return null;
            }

            for (int i = 0; i < subnets.Count; i++)
            {
                if (subnets[i].PrefixLength == 0)
                {
                    // The whole address space overlaps every network the engine has (its default bridge at least), so the
                    // engine would refuse it as an overlapping pool, which reads like a permission problem.
                    throw new InvalidParameterException("Subnet", subnets[i].Text, $"The subnet {subnets[i]} is the whole address space (/0), which overlaps every other network; give a prefix length of 1 or more.");
                }

                Cidr? overlap = subnets.Take(i).FirstOrDefault(earlier => earlier.Contains(subnets[i]) || subnets[i].Contains(earlier));
                if (overlap != null)
                {
                    throw new InvalidParameterException("Subnet", subnets[i].Text, $"The subnets {overlap} and {subnets[i]} overlap.");
                }

                if (subnets[i].IsIPv6 && !options.IPv6)
                {
                    throw new InvalidParameterException("Subnet", subnets[i].Text, $"The subnet {subnets[i]} is IPv6: add -IPv6 to give the network IPv6 addresses.");
                }
            }

            var pools = subnets.Select(s => new NetworkIpamConfig { Subnet = s.Text }).ToList();
            foreach (string text in options.Gateway ?? new List<string>())
            {
                IPAddress gateway = IPAddressText.Parse(text, "Gateway");
                NetworkIpamConfig pool = PoolContaining(subnets, pools, s => s.Contains(gateway), "Gateway", text);
                if (pool.Gateway != null)
                {
                    throw new InvalidParameterException("Gateway", text, $"The subnet {pool.Subnet} has two gateways, {pool.Gateway} and {text.Trim()}; give one.");
                }

                pool.Gateway = text.Trim();
            }

            foreach (string text in options.IPRange ?? new List<string>())
            {
                Cidr range = Cidr.Parse(text, "IPRange");
                NetworkIpamConfig pool = PoolContaining(subnets, pools, s => s.Contains(range), "IPRange", text);
                if (pool.IPRange != null)
                {
                    throw new InvalidParameterException("IPRange", text, $"The subnet {pool.Subnet} has two ranges, {pool.IPRange} and {range}; give one.");
                }

                pool.IPRange = range.Text;
            }

            return new NetworkIpam { Driver = "default", Config = pools };
        }

        private static NetworkIpamConfig PoolContaining(List<Cidr> subnets, List<NetworkIpamConfig> pools, Func<Cidr, bool> contains, string parameterName, string text)
        {
            int index = subnets.FindIndex(s => contains(s));
            if (index < 0)
            {
                throw new InvalidParameterException(parameterName, text,
                    $"{text.Trim()} given to -{parameterName} lies in none of the subnets ({string.Join(", ", subnets)}).");
            }

            return pools[index];
        }

        private static Dictionary<string, string>? ToMap(System.Collections.IDictionary? table, string parameterName, string what)
        {
            if (table == null)
            {
                return null;
            }

            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, string> pair in KeyValueTable.Read(table, parameterName, what))
            {
                map[pair.Key] = pair.Value;
            }

            return map;
        }
    }
}
