namespace Containers.Compose
{
    /// <summary>
    /// One published or exposed container port, from the short syntax (<c>"8080:80"</c>, <c>"127.0.0.1:8080:80/udp"</c>;
    /// a range is one object per port) or the long one.
    /// </summary>
    public sealed class ComposePort
    {
        public int Target { get; init; }

        /// <summary>The host port, or a host range the engine picks from ("8000-8010"); null: the engine chooses.</summary>
        public string? Published { get; init; }

        /// <summary>tcp, udp or sctp.</summary>
        public string Protocol { get; init; } = "tcp";

        public string? HostIp { get; init; }

        /// <summary>ingress (the default: swarm's routing mesh) or host.</summary>
        public string Mode { get; init; } = "ingress";

        public override string ToString() =>
            (HostIp == null ? string.Empty : HostIp + ":") + (Published == null ? string.Empty : Published + ":") + Target + "/" + Protocol;
    }
}
