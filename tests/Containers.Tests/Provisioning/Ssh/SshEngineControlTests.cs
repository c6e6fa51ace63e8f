using System.Globalization;
using Containers.Engine;
using Containers.Engine.Errors;
using Containers.Engine.Ssh;
using Containers.Engine.Transport;
using Containers.Provisioning.Ssh;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Provisioning.Ssh
{
    /// <summary>A provisioned engine stopped and started again over SSH, its files left as they were.</summary>
    [RequiresEngine]
    public sealed class SshEngineControlTests : IClassFixture<ProvisionedSshHostFixture>
    {
        private readonly ProvisionedSshHostFixture _fixture;

        public SshEngineControlTests(ProvisionedSshHostFixture fixture)
        {
            _fixture = fixture;
        }

        [Fact]
        public async Task Stop_ends_the_engine_twice_harmlessly_and_start_brings_it_back()
        {
            TestSshHost host = _fixture.Host;
            var runner = new SshRunner();
            SshConnection connection = host.PinnedConnection;
            int running = int.Parse(File.ReadAllText(host.PrivatePath("/run/docker.pid")).Trim(), CultureInfo.InvariantCulture);

            SshResult stopped = (await runner.RunAsync(connection, EngineControlScript.Stop(new EngineProvisioning()))).EnsureSuccess();
            Assert.Equal($"stopped: detached {running}\n", stopped.StandardOutput);
            using (var client = new EngineClient(EngineEndpoint.Parse(_fixture.Record.EngineAddress), _fixture.Store.LoadClientTls(ProvisionedSshHostFixture.HostName)))
            {
                await Assert.ThrowsAsync<EngineConnectionException>(() => client.System.PingAsync());
            }

            SshResult again = (await runner.RunAsync(connection, EngineControlScript.Stop(new EngineProvisioning()))).EnsureSuccess();
            Assert.Equal("stopped: not running\n", again.StandardOutput);

            SshResult started = (await runner.RunAsync(connection, EngineControlScript.Start(new EngineProvisioning()))).EnsureSuccess();
            Assert.StartsWith("started: detached ", started.StandardOutput, StringComparison.Ordinal);
            Assert.Equal(new[] { "start-engine", "wait-for-engine" }, started.Steps);
            await EngineAnswers.WaitAsync(_fixture.Record.EngineAddress, _fixture.Store.LoadClientTls(ProvisionedSshHostFixture.HostName), TimeSpan.FromSeconds(30));
        }
    }
}
