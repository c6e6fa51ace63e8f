using System.Globalization;
using Containers.Engine.Models;
using Containers.Errors;

namespace Containers.Parsing
{
    /// <summary>
    /// A service's published ports: docker -p's short form ('8080:80', '80/udp'), read by <see cref="PortMappingParser"/>,
    /// in the mode -PublishMode gives; or docker service's long form, 'mode=host,target=80,published=8080,protocol=udp'.
    /// A service publishes on the nodes' every address, so an address in the short form is refused.
    /// </summary>
    public static class ServicePortParser
    {
        private const string ParameterName = "Port";

        public static IReadOnlyList<EndpointPortConfig> Parse(string text, string? publishMode)
        {
            string mode = Mode(publishMode ?? "ingress", "PublishMode", publishMode);
            if ((text ?? string.Empty).IndexOf('=') >= 0)
            {
                return new[] { ParseLong(text!, mode) };
            }

            return PortMappingParser.Parse(text!).Select(mapping =>
            {
                if (!string.IsNullOrEmpty(mapping.Value.HostIp))
                {
                    throw new InvalidParameterException(ParameterName, text, $"The port '{text}' names an address; a service publishes on every address of its nodes, so give HOSTPORT:CONTAINERPORT.");
                }

                if ((mapping.Value.HostPort ?? string.Empty).IndexOf('-') >= 0)
                {
                    throw new InvalidParameterException(ParameterName, text, $"The port '{text}' gives a range of published ports for one target port; a service publishes each target port on one port.");
                }

                string[] key = mapping.Key.Split('/');
                return new EndpointPortConfig
                {
                    TargetPort = uint.Parse(key[0], CultureInfo.InvariantCulture),
                    Protocol = key[1],
                    PublishedPort = string.IsNullOrEmpty(mapping.Value.HostPort) ? (uint?)null : uint.Parse(mapping.Value.HostPort, CultureInfo.InvariantCulture),
                    PublishMode = mode,
                };
            }).ToList();
        }

        private static EndpointPortConfig ParseLong(string text, string defaultMode)
        {
            var port = new EndpointPortConfig { Protocol = "tcp", PublishMode = defaultMode };
            foreach (string part in text.Split(','))
            {
                int equals = part.IndexOf('=');
                string key = (equals < 0 ? part : part.Substring(0, equals)).Trim().ToLowerInvariant();
                string value = equals < 0 ? string.Empty : part.Substring(equals + 1).Trim();
                switch (key)
                {
                    case "mode":
                        port.PublishMode = Mode(value, ParameterName, text);
                        break;
                    case "target":
                        port.TargetPort = Number(text, key, value);
                        break;
                    case "published":
                        port.PublishedPort = Number(text, key, value);
                        break;
                    case "protocol":
                        port.Protocol = value.ToLowerInvariant();
                        if (port.Protocol != "tcp" && port.Protocol != "udp" && port.Protocol != "sctp")
                        {
                            throw new InvalidParameterException(ParameterName, text, $"The port '{text}' has protocol '{value}'; use tcp, udp or sctp.");
                        }

                        break;
                    default:
                        throw new InvalidParameterException(ParameterName, text, $"The port '{text}' has '{key}', which is not one of mode, target, published and protocol.");
                }
            }

            if (port.TargetPort == 0)
            {
                throw new InvalidParameterException(ParameterName, text, $"The port '{text}' has no target (the port inside the task's container): add target=PORT.");
            }

            return port;
        }

        private static uint Number(string text, string key, string value) =>
            uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out uint number) && number > 0 && number <= 65535
                ? number
                : throw new InvalidParameterException(ParameterName, text, $"The port '{text}' has {key}={value}; a port is a number from 1 to 65535.");

        private static string Mode(string value, string parameterName, object? given) =>
            value.ToLowerInvariant() switch
            {
                "ingress" => "ingress",
                "host" => "host",
                _ => throw new InvalidParameterException(parameterName, given, $"'{value}' is not a publish mode; use ingress (every node, through the routing mesh) or host (the node a task runs on)."),
            };
    }
}
