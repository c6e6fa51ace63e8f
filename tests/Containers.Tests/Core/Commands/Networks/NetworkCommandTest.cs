using System.Collections;
using System.Collections.Concurrent;
using Containers.Commands.Networks;
using Containers.Models;
using Containers.Parsing;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Networks
{
    /// <summary>
    /// A base for the network command tests: networks made through <see cref="NewNetworkAsync"/> or registered with
    /// <see cref="TrackNetwork"/> are removed after each test (before its containers), whatever its outcome. Each test
    /// gives its networks subnets of 10.231.2x.0/24 that no other test uses.
    /// </summary>
    public abstract class NetworkCommandTest : EngineTest, IAsyncLifetime
    {
        private readonly ConcurrentBag<string> _networks = new ConcurrentBag<string>();

        protected void TrackNetwork(string name) => _networks.Add(name);

        /// <summary>Creates an internal network through New-ContainerNetwork's command and returns it.</summary>
        protected async Task<ContainerNetwork> NewNetworkAsync(string name, string subnet, IDictionary? labels = null)
        {
            TrackNetwork(name);
            var output = new RecordingOutput();
            await NewContainerNetworkCommand.FromOptions(new NetworkOptions { Name = name, Subnet = new[] { subnet }, Internal = true, Label = labels })
                .ExecuteAsync(Engine, output, default);
            Assert.Empty(output.Errors);
            return Assert.Single(output.ObjectsOf<ContainerNetwork>());
        }

        async Task IAsyncLifetime.DisposeAsync()
        {
            foreach (string name in _networks.Distinct())
            {
                await NetworkCleanup.RemoveAsync(Client, name);
            }

            await DisposeAsync();
        }
    }
}
