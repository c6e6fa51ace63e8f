using Containers.Engine.Tls;
using Containers.Engine.Transport;

namespace Containers.EngineSelection
{
    /// <summary>
    /// What makes two engines the same one for <see cref="EngineDirectory"/>: the address, the whole trust material (CA
    /// certificates, client certificate and verify mode, as <see cref="TlsSettings.Fingerprint"/> digests them), the
    /// pinned API version, the response timeout, and the name and source the engine is shown with. A changed CA file, client certificate or
    /// DOCKER_CERT_PATH is another key, so another client with its own connections: trust never rides on a connection
    /// made with other trust.
    /// </summary>
    internal sealed class EngineKey : IEquatable<EngineKey>
    {
        public EngineKey(EngineEndpoint endpoint, TlsSettings? tls, Version? pinnedApiVersion, string name, string source, TimeSpan responseTimeout)
        {
            Endpoint = endpoint;
            Trust = tls?.Fingerprint;
            PinnedApiVersion = pinnedApiVersion;
            Name = name;
            Source = source;
            ResponseTimeout = responseTimeout;
        }

        public EngineEndpoint Endpoint { get; }

        /// <summary>The TLS fingerprint; null without TLS.</summary>
        public string? Trust { get; }

        public Version? PinnedApiVersion { get; }

        public string Name { get; }

        public string Source { get; }

        public TimeSpan ResponseTimeout { get; }

        public bool Equals(EngineKey? other) =>
            other != null
            && Endpoint.Equals(other.Endpoint)
            && string.Equals(Trust, other.Trust, StringComparison.Ordinal)
            && Equals(PinnedApiVersion, other.PinnedApiVersion)
            && string.Equals(Name, other.Name, StringComparison.Ordinal)
            && string.Equals(Source, other.Source, StringComparison.Ordinal)
            && ResponseTimeout == other.ResponseTimeout;

        public override bool Equals(object? obj) => Equals(obj as EngineKey);

        public override int GetHashCode()
        {
            unchecked
            {
                int hash = Endpoint.GetHashCode();
                hash = (hash * 31) + (Trust == null ? 0 : StringComparer.Ordinal.GetHashCode(Trust));
                hash = (hash * 31) + (PinnedApiVersion?.GetHashCode() ?? 0);
                hash = (hash * 31) + StringComparer.Ordinal.GetHashCode(Name);
                hash = (hash * 31) + StringComparer.Ordinal.GetHashCode(Source);
                return (hash * 31) + ResponseTimeout.GetHashCode();
            }
        }
    }
}
