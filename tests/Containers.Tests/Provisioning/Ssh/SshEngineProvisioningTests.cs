using System.Runtime.Versioning;
using System.Text.Json;
using Containers.Engine;
using Containers.Engine.Errors;
using Containers.Engine.Ssh;
using Containers.Engine.Tls;
using Containers.Engine.Transport;
using Containers.Provisioning.Ssh;
using Containers.Provisioning.Store;
using Containers.Tests.Fixtures;
using Xunit;
using Xunit.Abstractions;

namespace Containers.Tests.Provisioning.Ssh
{
    /// <summary>The engine provisioning script, run over SSH in a test host, leaves an engine that answers over TLS only to the store's clients.</summary>
    [SupportedOSPlatform("linux")]
    [RequiresEngine]
    public sealed class SshEngineProvisioningTests : IClassFixture<ProvisionedSshHostFixture>
    {
        private readonly ProvisionedSshHostFixture _fixture;
        private readonly ITestOutputHelper _output;

        public SshEngineProvisioningTests(ProvisionedSshHostFixture fixture, ITestOutputHelper output)
        {
            _fixture = fixture;
            _output = output;
        }

        private TestSshHost Host => _fixture.Host;

        [Fact]
        public async Task The_engine_answers_over_tls_with_the_stores_client_certificate_within_the_time_budget()
        {
            _output.WriteLine($"test host up in {_fixture.HostStarted.TotalSeconds:0.0} s, provisioning script {_fixture.ProvisioningTook.TotalSeconds:0.0} s, full cycle {_fixture.FullCycle.TotalSeconds:0.0} s");
            using var client = new EngineClient(EngineEndpoint.Parse(_fixture.Record.EngineAddress), _fixture.Store.LoadClientTls(ProvisionedSshHostFixture.HostName));
            await client.System.PingAsync();
            Assert.StartsWith("tcp://" + Host.Address + ":2376", _fixture.Record.EngineAddress, StringComparison.Ordinal);
            Assert.True(_fixture.FullCycle < TimeSpan.FromSeconds(30), $"The full cycle took {_fixture.FullCycle.TotalSeconds:0.0} s (target about 10 s).");
        }

        [Fact]
        public async Task A_client_without_a_client_certificate_is_refused()
        {
            string folder = Path.Combine(_fixture.Temp, "ca-only");
            Directory.CreateDirectory(folder);
            File.Copy(Path.Combine(_fixture.Store.HostDirectory(ProvisionedSshHostFixture.HostName), HostFiles.AuthorityCertificate), Path.Combine(folder, "ca.pem"), overwrite: true);

            using var client = new EngineClient(EngineEndpoint.Parse(_fixture.Record.EngineAddress), TlsSettings.LoadFromDirectory(folder, verifyServer: true));
            var error = await Assert.ThrowsAsync<EngineConnectionException>(() => client.GetApiVersionAsync());
            Assert.Contains("client certificate", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void The_script_found_the_engine_installed_and_started_it_detached_in_steps()
        {
            SshResult result = _fixture.Provisioned;
            Assert.Contains("engine: installed /usr/sbin/dockerd", result.StandardOutput, StringComparison.Ordinal);
            Assert.DoesNotContain("engine: installing", result.StandardOutput, StringComparison.Ordinal);
            Assert.Matches(@"(?m)^os: \S+", result.StandardOutput);
            Assert.Matches(@"(?m)^started: detached \d+$", result.StandardOutput);
            Assert.Equal(new[] { "detect-os", "install-engine", "write-tls-files", "write-daemon-configuration", "start-engine", "wait-for-engine" }, result.Steps);
        }

        [Fact]
        public void The_tls_files_and_daemon_json_are_in_etc_docker_with_the_key_readable_by_root_only()
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Host.PrivatePath("/etc/docker/server-key.pem")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(Host.PrivatePath("/etc/docker/server-cert.pem")));
            Assert.Equal(
                File.ReadAllText(Path.Combine(_fixture.Store.HostDirectory(ProvisionedSshHostFixture.HostName), HostFiles.AuthorityCertificate)),
                File.ReadAllText(Host.PrivatePath("/etc/docker/ca.pem")));

            using JsonDocument daemon = JsonDocument.Parse(File.ReadAllText(Host.PrivatePath("/etc/docker/daemon.json")));
            Assert.True(daemon.RootElement.GetProperty("tlsverify").GetBoolean());
            Assert.Contains("tcp://0.0.0.0:2376", daemon.RootElement.GetProperty("hosts").EnumerateArray().Select(host => host.GetString()));

            // The store keeps no server key for a remote host, and pins the key the host presented.
            Assert.False(File.Exists(Path.Combine(_fixture.Store.HostDirectory(ProvisionedSshHostFixture.HostName), HostFiles.ServerKey)));
            Assert.Equal(Host.HostKey.ToString(), _fixture.Store.Get(ProvisionedSshHostFixture.HostName).SshHostKey);
        }

        [Fact]
        public void The_engine_runs_in_the_test_host_with_its_files_in_the_hosts_private_folders()
        {
            Assert.True(Signals.IsAlive(ReadEnginePid()));
            Assert.True(Directory.Exists(Host.PrivatePath("/var/lib/docker/image")), "dockerd's data root is the test host's /var/lib/docker");
            Assert.Contains("API listen on", File.ReadAllText(Host.PrivatePath("/var/log/containers-dockerd.log")), StringComparison.Ordinal);
        }

        [Fact]
        public async Task Running_the_script_again_replaces_the_certificates_and_restarts_the_engine()
        {
            int before = ReadEnginePid();
            HostCertificates renewed = _fixture.Store.IssueCertificates(new NewHost
            {
                Name = ProvisionedSshHostFixture.HostName,
                Driver = "Ssh",
                Address = Host.Address,
                OtherNames = new[] { "renewed.ssh-host.test" },
            });

            SshConnection pinned = Host.FirstConnection;
            SshResult again = (await new SshRunner().RunAsync(
                new SshConnection { Address = pinned.Address, User = pinned.User, IdentityFile = pinned.IdentityFile, HostKey = SshHostKey.Parse(_fixture.Record.SshHostKey!) },
                EngineProvisioningScript.Build(EngineProvisioning.For(renewed)),
                TimeSpan.FromMinutes(2))).EnsureSuccess();

            int after = ReadEnginePid();
            Assert.NotEqual(before, after);
            Assert.Contains($"started: detached {after}", again.StandardOutput, StringComparison.Ordinal);
            Assert.False(Signals.IsAlive(before) && !File.ReadAllText($"/proc/{before}/stat").Contains(") Z", StringComparison.Ordinal), "the engine started before was stopped");
            Assert.Equal(renewed.Server.CertificatePem, File.ReadAllText(Host.PrivatePath("/etc/docker/server-cert.pem")));

            // The client certificates the store issued before come from the same authority and still work.
            await EngineAnswers.WaitAsync(_fixture.Record.EngineAddress, _fixture.Store.LoadClientTls(ProvisionedSshHostFixture.HostName), TimeSpan.FromSeconds(30));
        }

        private int ReadEnginePid() =>
            int.Parse(File.ReadAllText(Host.PrivatePath("/run/docker.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
