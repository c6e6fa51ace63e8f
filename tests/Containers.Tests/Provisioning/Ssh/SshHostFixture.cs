using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Provisioning.Ssh
{
    /// <summary>One test SSH host (a network namespace with its own sshd) for a test class.</summary>
    public sealed class SshHostFixture : IAsyncLifetime
    {
        private TestSshHost? _host;

        public TestSshHost Host => _host!;

        public async Task InitializeAsync() => _host = await TestSshHost.StartAsync();

        public Task DisposeAsync()
        {
            _host?.Dispose();
            return Task.CompletedTask;
        }
    }
}
