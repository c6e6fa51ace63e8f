using System.Globalization;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Parsing;

namespace Containers.Compose
{
    /// <summary>
    /// A service's ports: the short syntax is docker -p's (<c>"80"</c>, <c>"8080:80"</c>, <c>"127.0.0.1:8080:80/udp"</c>,
    /// ranges), read by the module's one port parser; the long syntax is a mapping (target, published, host_ip,
    /// protocol, mode).
    /// </summary>
    internal static class PortSyntax
    {
        private static readonly string[] LongKeys = { "target", "published", "host_ip", "protocol", "mode", "name", "app_protocol" };

        public static IEnumerable<ComposePort> Read(ComposeNode item)
        {
            if (item is ComposeMapping mapping)
            {
                return new[] { ReadLong(mapping) };
            }

            string text = ComposeValues.RequiredText(item);
            IReadOnlyList<KeyValuePair<string, PortBinding>> bindings;
            try
            {
                bindings = PortMappingParser.Parse(Bracketed(text));
            }
            catch (InvalidParameterException e)
            {
                throw item.Error(e.Reason);
            }

            return bindings.Select(binding =>
            {
                int slash = binding.Key.IndexOf('/');
                return new ComposePort
                {
                    Target = int.Parse(binding.Key.Substring(0, slash), CultureInfo.InvariantCulture),
                    Protocol = binding.Key.Substring(slash + 1),
                    Published = string.IsNullOrEmpty(binding.Value.HostPort) ? null : binding.Value.HostPort,
                    HostIp = string.IsNullOrEmpty(binding.Value.HostIp) ? null : binding.Value.HostIp,
                };
            }).ToList();
        }

        // compose also takes an IPv6 address without brackets ("::1:6000:6000"): everything before the last two ':' parts.
        private static string Bracketed(string text)
        {
            string[] parts = text.Split(':');
            if (parts.Length <= 3 || text.StartsWith("[", StringComparison.Ordinal))
            {
                return text;
            }

            int cut = text.LastIndexOf(':', text.LastIndexOf(':') - 1);
            return "[" + text.Substring(0, cut) + "]" + text.Substring(cut);
        }

        private static ComposePort ReadLong(ComposeMapping mapping)
        {
            ComposeValues.CheckKeys(mapping, LongKeys, "port");
            ComposeNode target = mapping.Get("target") ?? throw mapping.Error("a port in the long syntax needs 'target', the container port");
            int port = ComposeValues.Integer(target) ?? throw target.Error("must have a value");
            if (port < 1 || port > 65535)
            {
                throw target.Error($"{port} is not a port (1 to 65535)");
            }

            string protocol = (ComposeValues.Text(mapping.Get("protocol")) ?? "tcp").ToLowerInvariant();
            if (protocol != "tcp" && protocol != "udp" && protocol != "sctp")
            {
                throw mapping.Get("protocol")!.Error($"'{protocol}' is not a protocol; use tcp, udp or sctp");
            }

            string mode = ComposeValues.Text(mapping.Get("mode")) ?? "ingress";
            if (mode != "ingress" && mode != "host")
            {
                throw mapping.Get("mode")!.Error($"'{mode}' is not a port mode; use ingress or host");
            }

            return new ComposePort
            {
                Target = port,
                Published = ComposeValues.Text(mapping.Get("published")),
                HostIp = ComposeValues.Text(mapping.Get("host_ip")),
                Protocol = protocol,
                Mode = mode,
            };
        }
    }
}
