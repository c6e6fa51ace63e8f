using System.Globalization;

namespace Containers.Models
{
    /// <summary>A container port and, when published, where it is reachable on the host.</summary>
    public sealed class ContainerPort
    {
        public ContainerPort(int privatePort, string protocol, string? hostIP, int? publicPort)
        {
            PrivatePort = privatePort;
            Protocol = protocol;
            HostIP = hostIP;
            PublicPort = publicPort;
        }

        public int PrivatePort { get; }

        public string Protocol { get; }

        public string? HostIP { get; }

        public int? PublicPort { get; }

        /// <summary>As docker ps shows it: <c>0.0.0.0:8080-&gt;80/tcp</c>, or <c>80/tcp</c> when not published.</summary>
        public override string ToString()
        {
            string inside = PrivatePort.ToString(CultureInfo.InvariantCulture) + "/" + Protocol;
            if (PublicPort == null)
            {
                return inside;
            }

            string ip = string.IsNullOrEmpty(HostIP) ? "0.0.0.0" : (HostIP!.IndexOf(':') >= 0 ? "[" + HostIP + "]" : HostIP!);
            return ip + ":" + PublicPort.Value.ToString(CultureInfo.InvariantCulture) + "->" + inside;
        }
    }
}
