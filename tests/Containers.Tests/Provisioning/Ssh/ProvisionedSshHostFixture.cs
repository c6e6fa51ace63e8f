using System.Diagnostics;
using Containers.Engine.Configuration;
using Containers.Engine.Ssh;
using Containers.Provisioning.Contexts;
using Containers.Provisioning.Ssh;
using Containers.Provisioning.Store;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Provisioning.Ssh
{
    /// <summary>
    /// A test SSH host whose engine was provisioned over SSH, the whole cycle timed: the test host started, its
    /// certificates issued by a fresh store, the provisioning script run (the engine is found installed, the TLS files
    /// and daemon.json written, dockerd started detached since the host has no systemd), the host added to the store
    /// with the key pinned on first contact, and the engine answering over TLS.
    /// </summary>
    public sealed class ProvisionedSshHostFixture : IAsyncLifetime
    {
        public const string HostName = "ssh-host";

        private TestSshHost? _host;

        public TestSshHost Host => _host!;

        /// <summary>This machine's side (the store, a docker configuration folder): inside the test host's folder, so its watchdog removes it even after a crash.</summary>
        public string Temp => Path.Combine(Host.Directory, "client-side");

        public HostStore Store { get; private set; } = null!;

        public HostRecord Record { get; private set; } = null!;

        public SshResult Provisioned { get; private set; } = null!;

        public TimeSpan HostStarted { get; private set; }

        public TimeSpan ProvisioningTook { get; private set; }

        public TimeSpan FullCycle { get; private set; }

        public async Task InitializeAsync()
        {
            var clock = Stopwatch.StartNew();
            _host = await TestSshHost.StartAsync();
            HostStarted = clock.Elapsed;

            Store = new HostStore(Path.Combine(Temp, "store"), new DockerContextMirror(new DockerConfigDirectory(Path.Combine(Temp, "docker-config"))));
            var host = new NewHost { Name = HostName, Driver = "Ssh", Address = Host.Address, SshPort = Host.Port, KeepServerKey = false };
            HostCertificates certificates = Store.IssueCertificates(host);

            var provisioning = Stopwatch.StartNew();
            Provisioned = (await new SshRunner().RunAsync(Host.FirstConnection, EngineProvisioningScript.Build(EngineProvisioning.For(certificates)), TimeSpan.FromMinutes(2))).EnsureSuccess();
            ProvisioningTook = provisioning.Elapsed;

            Record = Store.Add(
                new NewHost { Name = host.Name, Driver = host.Driver, Address = host.Address, SshPort = host.SshPort, KeepServerKey = false, SshHostKey = Provisioned.HostKey!.ToString() },
                certificates);
            await EngineAnswers.WaitAsync(Record.EngineAddress, Store.LoadClientTls(HostName), TimeSpan.FromSeconds(30));
            FullCycle = clock.Elapsed;
        }

        public Task DisposeAsync()
        {
            _host?.Dispose();
            return Task.CompletedTask;
        }
    }
}
