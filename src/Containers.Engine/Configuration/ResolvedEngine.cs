using Containers.Engine.Tls;
using Containers.Engine.Transport;

namespace Containers.Engine.Configuration
{
    /// <summary>The engine the settings point at, how to reach it, and why it was chosen.</summary>
    public sealed class ResolvedEngine
    {
        public ResolvedEngine(EngineEndpoint endpoint, TlsSettings? tls, string? contextName, string source, Version? pinnedApiVersion, bool tlsGiven = false)
        {
            Endpoint = endpoint;
            Tls = tls;
            ContextName = contextName;
            Source = source;
            PinnedApiVersion = pinnedApiVersion;
            TlsGiven = tlsGiven;
        }

        public EngineEndpoint Endpoint { get; }

        /// <summary>Null for plain http and for sockets and pipes, which never use TLS.</summary>
        public TlsSettings? Tls { get; }

        /// <summary>
        /// True when <see cref="Tls"/> is what the caller gave (Connect-ContainerEngine -CertificatePath), false when it was
        /// read from the environment or a context's files, which must be read again for the next command.
        /// </summary>
        public bool TlsGiven { get; }

        /// <summary>The docker context the endpoint came from; null when it came from an address.</summary>
        public string? ContextName { get; }

        /// <summary>One of <see cref="EngineSources"/>.</summary>
        public string Source { get; }

        /// <summary>DOCKER_API_VERSION, when set: the client uses it instead of negotiating.</summary>
        public Version? PinnedApiVersion { get; }

        public override string ToString() => $"{ContextName ?? Endpoint.ToString()} ({Source})";
    }
}
