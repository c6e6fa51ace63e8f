using Containers.Engine.Ssh;
using Containers.Provisioning.Ssh;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Provisioning.Ssh
{
    /// <summary>A host key pinned on first contact, then changed (sshd restarted with a new key): refused until the new key is pinned explicitly.</summary>
    [RequiresEngine]
    public sealed class SshHostKeyChangeTests : IAsyncLifetime
    {
        private TestSshHost? _host;

        public async Task InitializeAsync() => _host = await TestSshHost.StartAsync();

        public Task DisposeAsync()
        {
            _host?.Dispose();
            return Task.CompletedTask;
        }

        [Fact]
        public async Task A_changed_host_key_is_refused_and_a_key_given_explicitly_is_used()
        {
            TestSshHost host = _host!;
            var runner = new SshRunner();
            SshResult first = await runner.RunAsync(host.FirstConnection, new SshScript("first contact", "true"));
            SshHostKey pinned = first.HostKey!;
            Assert.Equal(host.HostKey, pinned);

            await host.ReplaceHostKeyAsync();
            Assert.NotEqual(pinned, host.HostKey);

            SshConnection connection = host.FirstConnection;
            var error = await Assert.ThrowsAsync<SshException>(() => runner.RunAsync(
                new SshConnection { Address = connection.Address, User = connection.User, IdentityFile = connection.IdentityFile, HostKey = pinned },
                new SshScript("after the change", "touch /run/must-not-run")));
            Assert.Equal(SshFailure.HostKeyChanged, error.Failure);
            Assert.Contains(pinned.Fingerprint, error.Message, StringComparison.Ordinal);
            Assert.Contains(host.HostKey.Fingerprint, error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("ssh-keygen", error.Message, StringComparison.Ordinal); // ssh's advice about its (temporary) known_hosts file is not passed on
            Assert.False(System.IO.File.Exists(host.PrivatePath("/run/must-not-run")));

            // The new key, checked and given explicitly (as text, the way a user or the store hands it over).
            SshResult repinned = await runner.RunAsync(
                new SshConnection { Address = connection.Address, User = connection.User, IdentityFile = connection.IdentityFile, HostKey = SshHostKey.Parse(host.HostKey + " comment") },
                new SshScript("with the new key", "echo ok"));
            Assert.Equal("ok\n", repinned.StandardOutput);
            Assert.Equal(host.HostKey, repinned.HostKey);
        }
    }
}
