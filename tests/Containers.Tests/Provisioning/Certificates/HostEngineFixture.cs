using Containers.Engine.Configuration;
using Containers.Provisioning.Contexts;
using Containers.Provisioning.Store;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Provisioning.Certificates
{
    /// <summary>
    /// A host added to a fresh store (RSA, the default), and a private dockerd started with --tlsverify on
    /// tcp://127.0.0.1:PORT with that host's server certificate and the store's authority, as the Local driver will
    /// start one. The host's docker context is mirrored into a docker configuration folder of the test's own.
    /// </summary>
    public sealed class HostEngineFixture : IAsyncLifetime
    {
        public const string HostName = "tls-host";

        private Dockerd? _dockerd;

        public string Temp { get; } = Path.Combine(Path.GetTempPath(), "containers-host-engine-" + Guid.NewGuid().ToString("N").Substring(0, 8));

        public string DockerConfig => Path.Combine(Temp, "docker-config");

        public HostStore Store { get; private set; } = null!;

        public HostRecord Host { get; private set; } = null!;

        public Dockerd Dockerd => _dockerd!;

        public async Task InitializeAsync()
        {
            Store = new HostStore(Path.Combine(Temp, "store"), new DockerContextMirror(new DockerConfigDirectory(DockerConfig)));
            Host = Store.Add(new NewHost { Name = HostName, Driver = "Local", Address = "127.0.0.1", EnginePort = LoopbackPort.Free() });
            string folder = Store.HostDirectory(HostName);
            _dockerd = await Dockerd.StartAsync(new[]
            {
                "--tlsverify",
                "--tlscacert", Path.Combine(folder, HostFiles.AuthorityCertificate),
                "--tlscert", Path.Combine(folder, HostFiles.ServerCertificate),
                "--tlskey", Path.Combine(folder, HostFiles.ServerKey),
                "-H", Host.EngineAddress,
            });
        }

        public Task DisposeAsync()
        {
            _dockerd?.Dispose();
            if (Directory.Exists(Temp))
            {
                Directory.Delete(Temp, recursive: true);
            }

            return Task.CompletedTask;
        }
    }
}
