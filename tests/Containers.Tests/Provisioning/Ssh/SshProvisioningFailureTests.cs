using System.Text.Json;
using Containers.Engine.Ssh;
using Containers.Provisioning.Ssh;
using Containers.Provisioning.Store;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Provisioning.Ssh
{
    /// <summary>A provisioning step that fails on the remote host (dockerd refuses its configuration) is reported as failed, with the step, exit code and the engine's own words.</summary>
    [RequiresEngine]
    public sealed class SshProvisioningFailureTests : IAsyncLifetime
    {
        private TestSshHost? _host;

        private string Temp => Path.Combine(_host!.Directory, "client-side");

        public async Task InitializeAsync() => _host = await TestSshHost.StartAsync();

        public Task DisposeAsync()
        {
            _host?.Dispose();
            return Task.CompletedTask;
        }

        [Fact]
        public async Task An_engine_that_refuses_its_configuration_fails_the_start_step_with_its_log()
        {
            TestSshHost host = _host!;
            var store = new HostStore(Path.Combine(Temp, "store"), new Containers.Provisioning.Contexts.DockerContextMirror(new Containers.Engine.Configuration.DockerConfigDirectory(Path.Combine(Temp, "docker-config"))));
            HostCertificates certificates = store.IssueCertificates(new NewHost { Name = "failing", Driver = "Ssh", Address = host.Address });
            using JsonDocument bogus = JsonDocument.Parse("{\"no-such-daemon-option\": true}");
            EngineProvisioning provisioning = EngineProvisioning.For(certificates);
            SshScript script = EngineProvisioningScript.Build(new EngineProvisioning
            {
                AuthorityPem = provisioning.AuthorityPem,
                ServerCertificatePem = provisioning.ServerCertificatePem,
                ServerKeyPem = provisioning.ServerKeyPem,
                DaemonSettings = bogus.RootElement.Clone(),
            });

            SshResult result = await new SshRunner().RunAsync(host.FirstConnection, script, TimeSpan.FromMinutes(2));

            Assert.False(result.Succeeded);
            Assert.Equal(1, result.ExitCode);
            Assert.Equal("wait-for-engine", result.LastStep);
            Assert.Contains("dockerd exited while starting", result.StandardError, StringComparison.Ordinal);
            Assert.Contains("no-such-daemon-option", result.StandardError, StringComparison.Ordinal);

            var error = Assert.Throws<SshException>(() => result.EnsureSuccess());
            Assert.Equal(SshFailure.ScriptFailed, error.Failure);
            Assert.Contains("step 'wait-for-engine'", error.Message, StringComparison.Ordinal);
            Assert.Contains("exit code 1", error.Message, StringComparison.Ordinal);
            Assert.Contains("no-such-daemon-option", error.Message, StringComparison.Ordinal);

            // Nothing runs on: no engine is left in the test host.
            Assert.False(File.Exists(host.PrivatePath("/run/docker.sock")));
            Assert.Equal(new[] { "sshd" }, host.ProcessNames());
        }
    }
}
