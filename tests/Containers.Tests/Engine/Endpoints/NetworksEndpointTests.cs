using Containers.Engine.Endpoints;
using Containers.Engine.Models;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine.Endpoints
{
    [RequiresEngine]
    public class NetworksEndpointTests
    {
        [Fact]
        public async Task The_network_list_carries_the_predefined_networks_and_a_new_one_with_its_settings()
        {
            PrivateEngine engine = await PrivateEngine.GetAsync();
            string name = PrivateEngine.UniqueName("netlist");
            await EngineObjects.CreateNetworkAsync(engine.Client, name);
            try
            {
                var networks = await engine.Client.Networks.ListAsync();

                Assert.Contains(networks, n => n.Name == "host" && n.Driver == "host");
                Assert.Contains(networks, n => n.Name == "none" && n.Driver == "null");
                NetworkResource made = Assert.Single(networks, n => n.Name == name);
                Assert.Equal("bridge", made.Driver);
                Assert.Equal("local", made.Scope);
                Assert.True(made.Internal);
                Assert.Equal(64, made.Id.Length);
                Assert.NotNull(made.Created);
                Assert.Contains(made.IPAM!.Config!, c => !string.IsNullOrEmpty(c.Subnet));

                Assert.Equal(name, Assert.Single(await engine.Client.Networks.ListAsync(new Filters().Add("name", name))).Name);
            }
            finally
            {
                await EngineObjects.RemoveNetworkAsync(engine.Client, name);
            }
        }
    }
}
