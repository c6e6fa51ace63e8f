using System.Runtime.Versioning;
using Containers.Provisioning.Ssh;
using Containers.Provisioning.Store;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Provisioning.Ssh
{
    /// <summary>
    /// The systemd branch of the start step, in a test host that looks like it runs systemd (/run/systemd/system exists)
    /// with a stand-in systemctl that records its calls: the drop-in replaces the packaged ExecStart (whose -H fd://
    /// conflicts with "hosts" in daemon.json) and keeps its --containerd, then the unit is reloaded, enabled and restarted.
    /// This machine has no systemd to run the real thing.
    /// </summary>
    [SupportedOSPlatform("linux")]
    [RequiresEngine]
    public sealed class SshSystemdProvisioningTests : IAsyncLifetime
    {
        private const string FakeSystemctl = @"#!/bin/sh
echo ""$*"" >> /run/systemctl.calls
if [ ""$1"" = cat ]; then
  printf '%s\n' '# /lib/systemd/system/docker.service' '[Service]' 'ExecStart=/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock'
fi
";

        private TestSshHost? _host;

        public async Task InitializeAsync() => _host = await TestSshHost.StartAsync();

        public Task DisposeAsync()
        {
            _host?.Dispose();
            return Task.CompletedTask;
        }

        [Fact]
        public async Task Under_systemd_a_drop_in_replaces_ExecStart_and_the_unit_is_restarted()
        {
            TestSshHost host = _host!;
            Directory.CreateDirectory(host.PrivatePath("/run/systemd/system"));
            Directory.CreateDirectory(host.PrivatePath("/run/fake-bin"));
            File.WriteAllText(host.PrivatePath("/run/fake-bin/systemctl"), FakeSystemctl);
            File.SetUnixFileMode(host.PrivatePath("/run/fake-bin/systemctl"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

            var store = new HostStore(Path.Combine(host.Directory, "store"), new Containers.Provisioning.Contexts.DockerContextMirror(new Containers.Engine.Configuration.DockerConfigDirectory(Path.Combine(host.Directory, "docker-config"))));
            SshScript script = EngineProvisioningScript.Build(EngineProvisioning.For(store.IssueCertificates(new NewHost { Name = "systemd", Driver = "Ssh", Address = host.Address })));
            SshResult result = (await new SshRunner().RunAsync(host.FirstConnection, new SshScript(script.Name, "PATH=/run/fake-bin:$PATH\nexport PATH\n" + script.Text))).EnsureSuccess();

            Assert.Contains("started: systemd", result.StandardOutput, StringComparison.Ordinal);
            Assert.Equal("start-engine", result.LastStep);
            Assert.Equal(
                "cat docker.service\ndaemon-reload\nenable docker.service\nrestart docker.service\n",
                File.ReadAllText(host.PrivatePath("/run/systemctl.calls")));
            string dropIn = File.ReadAllText(host.PrivatePath("/etc/systemd/system/docker.service.d/containers.conf"));
            Assert.Contains("[Service]\nExecStart=\nExecStart=/usr/sbin/dockerd --config-file /etc/docker/daemon.json --containerd=/run/containerd/containerd.sock\n", dropIn, StringComparison.Ordinal);
            Assert.False(File.Exists(host.PrivatePath("/run/docker.pid")), "no detached engine was started");
        }
    }
}
