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

        /// <summary><c>ssh://[user@]host[:port]</c>: HTTP over <c>docker system dial-stdio</c> run on the host over ssh.</summary>
        Ssh,
    }

    /// <summary>
    /// A parsed engine address: <c>unix:///path</c>, <c>npipe:////./pipe/name</c>, <c>tcp://host:port</c>, a bare <c>host:port</c>,
    /// or <c>ssh://[user@]host[:port]</c>.
    /// Whether TCP uses TLS is decided by <see cref="Tls.TlsSettings"/>, as the docker CLI decides it, not by the scheme.
    /// </summary>
    public sealed class EngineEndpoint : IEquatable<EngineEndpoint>
    {
        public const string DefaultUnixSocket = "unix:///var/run/docker.sock";
        public const string DefaultNamedPipe = "npipe:////./pipe/docker_engine";
        public const int DefaultTcpPort = 2375;
        public const int DefaultTlsPort = 2376;

        private EngineEndpoint(EngineEndpointKind kind, string address, string? host, int port, string original, string? user = null)
        {
            Kind = kind;
            Address = address;
            Host = host;
            Port = port;
            Original = original;
            User = user;
        }

        public EngineEndpointKind Kind { get; }

        /// <summary>The socket path, the pipe name (without <c>\\.\pipe\</c>), <c>host:port</c>, or for ssh <c>[user@]host[:port]</c>.</summary>
        public string Address { get; }

        /// <summary>The TCP or SSH host name or address; null for sockets and pipes.</summary>
        public string? Host { get; }

        /// <summary>The TCP port; for ssh the port the address names, 0 when it names none (then the ssh config's, else 22); 0 for sockets and pipes.</summary>
        public int Port { get; }

        /// <summary>The SSH user the address names; null when it names none (then the ssh config's, else the local user), and for every other kind.</summary>
        public string? User { get; }

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
                    return TryParseSsh(text, rest, out endpoint, out problem);

                default:
                    problem = $"The engine address '{text}' has the scheme '{scheme}'; use unix://, npipe://, tcp://, ssh:// or HOST:PORT.";
                    return false;
            }
        }

        private static bool TryParseTcp(string text, string scheme, string rest, out EngineEndpoint? endpoint, out string? problem)
        {
            endpoint = null;
            int defaultPort = scheme == "https" ? DefaultTlsPort : DefaultTcpPort;
            if (!TrySplitHostPort(text, rest.TrimEnd('/'), "tcp://HOST:PORT", out string host, out int? port, out problem))
            {
                return false;
            }

            int tcpPort = port ?? defaultPort;
            string address = Bracketed(host) + ":" + tcpPort.ToString(CultureInfo.InvariantCulture);
            endpoint = new EngineEndpoint(EngineEndpointKind.Tcp, address, host, tcpPort, text);
            return true;
        }

        /// <summary>As the docker CLI reads ssh:// addresses: a user and port at most, no password, no path, no query.</summary>
        private static bool TryParseSsh(string text, string rest, out EngineEndpoint? endpoint, out string? problem)
        {
            endpoint = null;
            string hostPort = rest.TrimEnd('/');
            if (hostPort.IndexOfAny(new[] { '?', '#' }) >= 0)
            {
                problem = $"The engine address '{text}' has a query; give only ssh://USER@HOST:PORT.";
                return false;
            }

            string? user = null;
            int at = hostPort.LastIndexOf('@');
            if (at >= 0)
            {
                user = Uri.UnescapeDataString(hostPort.Substring(0, at));
                hostPort = hostPort.Substring(at + 1);
                if (user.IndexOf(':') >= 0)
                {
                    problem = $"The engine address '{text}' holds a password; ssh:// takes none. Log in with a key (ssh-agent, ~/.ssh/config).";
                    return false;
                }

                if (!Ssh.SshConnection.IsUserName(user))
                {
                    problem = $"The engine address '{text}' has the user '{user}', which is not a user name ssh can use.";
                    return false;
                }
            }

            if (!TrySplitHostPort(text, hostPort, "ssh://USER@HOST:PORT", out string host, out int? port, out problem))
            {
                return false;
            }

            if (!Ssh.SshConnection.IsAddress(host))
            {
                problem = $"The engine address '{text}' has the host '{host}', which is not a name or address ssh can use.";
                return false;
            }

            string address = (user == null ? string.Empty : user + "@") + Bracketed(host) + (port == null ? string.Empty : ":" + port.Value.ToString(CultureInfo.InvariantCulture));
            endpoint = new EngineEndpoint(EngineEndpointKind.Ssh, address, host, port ?? 0, text, user);
            return true;
        }

        /// <summary>Splits HOST[:PORT], with an IPv6 host in brackets; the port is null when none is given.</summary>
        private static bool TrySplitHostPort(string text, string hostPort, string shape, out string host, out int? port, out string? problem)
        {
            host = string.Empty;
            port = null;
            problem = null;
            int slash = hostPort.IndexOf('/');
            if (slash >= 0)
            {
                problem = $"The engine address '{text}' has a path; give only {shape}.";
                return false;
            }

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
                problem = $"The engine address '{text}' is not an address: '{host}' is neither a host name (letters, digits, '-', '_' and '.') nor an IP address. Give unix:///PATH, npipe:////./pipe/NAME, tcp://HOST:PORT, ssh://[USER@]HOST[:PORT] or HOST:PORT.";
                return false;
            }

            if (portText != null)
            {
                if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number < 1 || number > 65535)
                {
                    problem = $"The engine address '{text}' has the port '{portText}', which is not a number from 1 to 65535.";
                    return false;
                }

                port = number;
            }

            return true;
        }

        private static bool IsHost(string host) =>
            host.IndexOf(':') >= 0 ? IPAddress.TryParse(host, out _) : HostNamePattern.IsMatch(host);

        private static readonly Regex HostNamePattern = new Regex("^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$", RegexOptions.CultureInvariant);

        private static string Bracketed(string host) => host.IndexOf(':') >= 0 ? "[" + host + "]" : host;

        /// <summary>The canonical form: <c>unix:///path</c>, <c>npipe:////./pipe/name</c>, <c>tcp://host:port</c> or <c>ssh://[user@]host[:port]</c>.</summary>
        public override string ToString() => Kind switch
        {
            EngineEndpointKind.UnixSocket => "unix://" + Address,
            EngineEndpointKind.NamedPipe => "npipe:////./pipe/" + Address,
            EngineEndpointKind.Ssh => "ssh://" + Address,
            _ => "tcp://" + Address,
        };

        public bool Equals(EngineEndpoint? other) => other != null && other.ToString() == ToString();

        public override bool Equals(object? obj) => Equals(obj as EngineEndpoint);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());
    }
}
