using System.Net;

namespace Containers.Engine.Registries
{
    /// <summary>Whether a registry host (with or without a port) is this machine: <c>localhost</c>, 127.0.0.0/8 or ::1.</summary>
    internal static class LoopbackHost
    {
        public static bool IsLoopback(string hostAndPort)
        {
            string host = hostAndPort;
            if (host.StartsWith("[", StringComparison.Ordinal))
            {
                int close = host.IndexOf(']');
                host = close > 0 ? host.Substring(1, close - 1) : host;
            }
            else if (host.IndexOf(':') == host.LastIndexOf(':') && host.IndexOf(':') >= 0)
            {
                host = host.Substring(0, host.IndexOf(':'));
            }

            return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
                || (IPAddress.TryParse(host, out IPAddress? address) && IPAddress.IsLoopback(address));
        }
    }
}
