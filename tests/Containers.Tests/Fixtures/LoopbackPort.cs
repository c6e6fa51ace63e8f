using System.Net;
using System.Net.Sockets;

namespace Containers.Tests.Fixtures
{
    public static class LoopbackPort
    {
        /// <summary>A port nothing listens on right now: bind to port 0, read what the kernel chose, release it.</summary>
        public static int Free()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
