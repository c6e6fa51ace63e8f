using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine
{
    /// <summary>
    /// One dockerd with --tlsverify, shared by the TLS tests: it listens on 127.0.0.1:PORT, whose address its certificate
    /// names, and on 127.0.0.2:PORT, which its certificate does not name (for the name-mismatch test).
    /// </summary>
    public sealed class TlsEngineFixture : IAsyncLifetime
    {
        private TlsTestCertificates? _certificates;
        private Dockerd? _dockerd;

        public TlsTestCertificates Certificates => _certificates!;

        public Dockerd Dockerd => _dockerd!;

        public int Port { get; private set; }

        public string Address => $"tcp://127.0.0.1:{Port}";

        /// <summary>Same engine, an address its certificate does not list.</summary>
        public string UnlistedAddress => $"tcp://127.0.0.2:{Port}";

        public async Task InitializeAsync()
        {
            _certificates = new TlsTestCertificates();
            Port = LoopbackPort.Free();
            _dockerd = await TlsDockerd.StartAsync(_certificates, Address, UnlistedAddress);
        }

        public Task DisposeAsync()
        {
            _dockerd?.Dispose();
            _certificates?.Dispose();
            return Task.CompletedTask;
        }
    }
}
