using System;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Containers.Engine.Transport
{
    /// <summary>How the engine is reached.</summary>
    public enum EngineEndpointKind
    {
        UnixSocket,
        NamedPipe,
        Tcp,
    }

    /// <summary>
    /// A parsed engine address: <c>unix:///path</c>, <c>npipe:////./pipe/name</c>, <c>tcp://host:port</c>, or a bare <c>host:port</c>.
    /// Whether TCP uses TLS is decided by <see cref="TlsSettings"/>, as the docker CLI decides it, not by the scheme.
    /// </summary>
    public sealed class EngineEndpoint : IEquatable<EngineEndpoint>
    {
        public const string DefaultUnixSocket = "unix:///var/run/docker.sock";
        public const string DefaultNamedPipe = "npipe:////./pipe/docker_engine";
        public const int DefaultTcpPort = 2375;
        public const int DefaultTlsPort = 2376;

        private EngineEndpoint(EngineEndpointKind kind, string address, string? host, int port, string original)
        {
            Kind = kind;
            Address = address;
            Host = host;
            Port = port;
            Original = original;
        }

        public EngineEndpointKind Kind { get; }

        /// <summary>The socket path, the pipe name (without <c>\\.\pipe\</c>), or <c>host:port</c>.</summary>
        public string Address { get; }

        /// <summary>The TCP host name or address; null for sockets and pipes.</summary>
        public string? Host { get; }

        /// <summary>The TCP port; 0 for sockets and pipes.</summary>
        public int Port { get; }

        /// <summary>The text this endpoint was parsed from.</summary>
        public string Original { get; }

        /// <summary>The platform default: the named pipe on Windows, the unix socket elsewhere.</summary>
        public static EngineEndpoint PlatformDefault =>
            Parse(Environment.OSVersion.Platform == PlatformID.Win32NT ? DefaultNamedPipe : DefaultUnixSocket);

        public static EngineEndpoint Parse(string value)
        {
            if (!TryParse(value, out EngineEndpoint? endpoint, out string? problem))
            {
                throw new ArgumentException(problem, nameof(value));
            }

            return endpoint!;
        }

        public static bool TryParse(string? value, out EngineEndpoint? endpoint, out string? problem)
        {
            endpoint = null;
            problem = null;
            string text = (value ?? string.Empty).Trim();
            if (text.Length == 0)
            {
                problem = "The engine address is empty.";
                return false;
            }

            int schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
            string scheme = schemeEnd < 0 ? "tcp" : text.Substring(0, schemeEnd).ToLowerInvariant();
            string rest = schemeEnd < 0 ? text : text.Substring(schemeEnd + 3);

            switch (scheme)
            {
                case "unix":
                    if (rest.Length == 0 || rest[0] != '/')
                    {
                        problem = $"The unix socket address '{text}' must give an absolute path, as in unix:///var/run/docker.sock.";
                        return false;
                    }

                    endpoint = new EngineEndpoint(EngineEndpointKind.UnixSocket, rest, null, 0, text);
                    return true;

                case "npipe":
                    string pipe = rest.Replace('\\', '/');
                    const string prefix = "//./pipe/";
                    int at = pipe.IndexOf(prefix, StringComparison.OrdinalIgnoreCase);
                    string name = at >= 0 ? pipe.Substring(at + prefix.Length) : pipe.TrimStart('/');
                    if (name.Length == 0 || name.IndexOf('/') >= 0)
                    {
                        problem = $"The named pipe address '{text}' must look like npipe:////./pipe/docker_engine.";
                        return false;
                    }

                    endpoint = new EngineEndpoint(EngineEndpointKind.NamedPipe, name, null, 0, text);
                    return true;

                case "tcp":
                case "http":
                case "https":
                    return TryParseTcp(text, scheme, rest, out endpoint, out problem);

                case "ssh":
                    problem = $"The engine address '{text}' uses ssh://, which this module does not support. Reach the engine over TLS (tcp://HOST:2376) or create a host with New-ContainerHost.";
                    return false;

                default:
                    problem = $"The engine address '{text}' has the scheme '{scheme}'; use unix://, npipe://, tcp:// or HOST:PORT.";
                    return false;
            }
        }

        private static bool TryParseTcp(string text, string scheme, string rest, out EngineEndpoint? endpoint, out string? problem)
        {
            endpoint = null;
            problem = null;
            string hostPort = rest.TrimEnd('/');
            int slash = hostPort.IndexOf('/');
            if (slash >= 0)
            {
                problem = $"The engine address '{text}' has a path; give only tcp://HOST:PORT.";
                return false;
            }

            string host;
            string? portText = null;
            if (hostPort.StartsWith("[", StringComparison.Ordinal))
            {
                int close = hostPort.IndexOf(']');
                if (close < 0)
                {
                    problem = $"The engine address '{text}' has an unclosed IPv6 bracket.";
                    return false;
                }

                host = hostPort.Substring(1, close - 1);
                if (close + 1 < hostPort.Length)
                {
                    if (hostPort[close + 1] != ':')
                    {
                        problem = $"The engine address '{text}' is not HOST:PORT.";
                        return false;
                    }

                    portText = hostPort.Substring(close + 2);
                }
            }
            else
            {
                int colon = hostPort.LastIndexOf(':');
                host = colon < 0 ? hostPort : hostPort.Substring(0, colon);
                portText = colon < 0 ? null : hostPort.Substring(colon + 1);
            }

            if (host.Length == 0)
            {
                problem = $"The engine address '{text}' has no host name.";
                return false;
            }

            if (!IsHost(host))
            {
                // Checked here, so that a typo ('not a uri', 'host name') is no DNS lookup of a name that cannot exist.
                problem = $"The engine address '{text}' is not an address: '{host}' is neither a host name (letters, digits, '-', '_' and '.') nor an IP address. Give unix:///PATH, npipe:////./pipe/NAME, tcp://HOST:PORT or HOST:PORT.";
                return false;
            }

            int port = scheme == "https" ? DefaultTlsPort : DefaultTcpPort;
            if (portText != null
                && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port < 1 || port > 65535))
            {
                problem = $"The engine address '{text}' has the port '{portText}', which is not a number from 1 to 65535.";
                return false;
            }

            string address = host.IndexOf(':') >= 0 ? $"[{host}]:{port}" : $"{host}:{port}";
            endpoint = new EngineEndpoint(EngineEndpointKind.Tcp, address, host, port, text);
            return true;
        }

        private static bool IsHost(string host) =>
            host.IndexOf(':') >= 0 ? IPAddress.TryParse(host, out _) : HostNamePattern.IsMatch(host);

        private static readonly Regex HostNamePattern = new Regex("^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$", RegexOptions.CultureInvariant);

        /// <summary>The canonical form: <c>unix:///path</c>, <c>npipe:////./pipe/name</c> or <c>tcp://host:port</c>.</summary>
        public override string ToString() => Kind switch
        {
            EngineEndpointKind.UnixSocket => "unix://" + Address,
            EngineEndpointKind.NamedPipe => "npipe:////./pipe/" + Address,
            _ => "tcp://" + Address,
        };

        public bool Equals(EngineEndpoint? other) => other != null && other.ToString() == ToString();

        public override bool Equals(object? obj) => Equals(obj as EngineEndpoint);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());
    }
}
