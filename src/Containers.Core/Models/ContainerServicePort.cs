using System.Globalization;

namespace Containers.Models
{
    /// <summary>A port a service publishes: on every node through the routing mesh (ingress), or on the task's node (host).</summary>
    public sealed class ContainerServicePort
    {
        public ContainerServicePort(uint targetPort, string protocol, uint? publishedPort, string publishMode)
        {
            TargetPort = targetPort;
            Protocol = protocol;
            PublishedPort = publishedPort == 0 ? null : publishedPort;
            PublishMode = publishMode;
        }

        /// <summary>The port inside the task's container.</summary>
        public uint TargetPort { get; }

        public string Protocol { get; }

        /// <summary>The port on the nodes; null when not published (host mode without a port).</summary>
        public uint? PublishedPort { get; }

        /// <summary>ingress or host.</summary>
        public string PublishMode { get; }

        /// <summary>As docker service ls shows it: <c>*:8080->80/tcp</c>.</summary>
        public override string ToString() =>
            "*:" + (PublishedPort?.ToString(CultureInfo.InvariantCulture) ?? string.Empty) + "->" + TargetPort.ToString(CultureInfo.InvariantCulture) + "/" + Protocol;
    }
}
