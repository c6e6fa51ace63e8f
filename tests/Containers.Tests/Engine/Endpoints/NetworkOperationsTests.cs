using System.Net;
using Containers.Engine.Endpoints;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine.Endpoints
{
    /// <summary>
    /// The network calls against the private engine. Every network is internal (no route out, nothing of the host
    /// touched) and has a 10.231.1x.0/24 subnet no other test uses.
    /// </summary>
    public class NetworkOperationsTests : EngineTest
    {
        private async Task<string> CreateAsync(string name, string subnet, Dictionary<string, string>? labels = null)
        {
            NetworkCreateResponse created = await Client.Networks.CreateAsync(new NetworkCreateRequest
            {
                Name = name,
                Internal = true,
                Labels = labels,
                IPAM = new NetworkIpam { Config = new List<NetworkIpamConfig> { new NetworkIpamConfig { Subnet = subnet } } },
            });
            return created.Id;
        }

        [Fact]
        public async Task Create_inspect_and_remove_carry_the_address_pool_labels_and_driver_options()
        {
            string name = PrivateEngine.UniqueName("netops");
            try
            {
                NetworkCreateResponse created = await Client.Networks.CreateAsync(new NetworkCreateRequest
                {
                    Name = name,
                    Driver = "bridge",
                    Internal = true,
                    Labels = new Dictionary<string, string> { ["test.suite"] = "networks" },
                    Options = new Dictionary<string, string> { ["com.docker.network.bridge.enable_icc"] = "false" },
                    IPAM = new NetworkIpam
                    {
                        Config = new List<NetworkIpamConfig>
                        {
                            new NetworkIpamConfig { Subnet = "10.231.10.0/24", Gateway = "10.231.10.1", IPRange = "10.231.10.128/25" },
                        },
                    },
                });
                Assert.Equal(64, created.Id.Length);

                NetworkResource network = await Client.Networks.InspectAsync(name);
                Assert.Equal(created.Id, network.Id);
                Assert.Equal("bridge", network.Driver);
                Assert.True(network.Internal);
                Assert.Equal("networks", network.Labels!["test.suite"]);
                Assert.Equal("false", network.Options!["com.docker.network.bridge.enable_icc"]);
                NetworkIpamConfig pool = Assert.Single(network.IPAM!.Config!);
                Assert.Equal("10.231.10.0/24", pool.Subnet);
                Assert.Equal("10.231.10.1", pool.Gateway);
                Assert.Equal("10.231.10.128/25", pool.IPRange);

                await Client.Networks.RemoveAsync(name);
                var gone = await Assert.ThrowsAsync<EngineNotFoundException>(() => Client.Networks.InspectAsync(name));
                Assert.Equal(EngineResourceKind.Network, gone.ResourceKind);
            }
            finally
            {
                await NetworkCleanup.RemoveAsync(Client, name);
            }
        }

        [Fact]
        public async Task A_duplicate_name_is_a_conflict_and_a_missing_network_is_not_found_about_a_network()
        {
            string name = PrivateEngine.UniqueName("netdup");
            try
            {
                await CreateAsync(name, "10.231.11.0/24");
                await Assert.ThrowsAsync<EngineConflictException>(() => CreateAsync(name, "10.231.12.0/24"));

                string missing = PrivateEngine.UniqueName("netmissing");
                var error = await Assert.ThrowsAsync<EngineNotFoundException>(() => Client.Networks.RemoveAsync(missing));
                Assert.Equal(EngineResourceKind.Network, error.ResourceKind);
                Assert.Equal(missing, error.ResourceId);
            }
            finally
            {
                await NetworkCleanup.RemoveAsync(Client, name);
            }
        }

        [Fact]
        public async Task Connect_with_alias_and_static_address_shows_in_both_inspects_and_disconnect_removes_it()
        {
            string name = PrivateEngine.UniqueName("netconn");
            (string containerId, string container) = await StartAsync(Sleeper);
            try
            {
                await CreateAsync(name, "10.231.13.0/24");
                await Client.Networks.ConnectAsync(name, new NetworkConnectRequest
                {
                    Container = container,
                    EndpointConfig = new EndpointSettings
                    {
                        Aliases = new List<string> { "db-alias" },
                        IPAMConfig = new EndpointIpamConfig { IPv4Address = "10.231.13.10" },
                    },
                });

                ContainerInspect inspect = await Client.Containers.InspectAsync(containerId);
                EndpointSettings endpoint = inspect.NetworkSettings!.Networks![name];
                Assert.Contains("db-alias", endpoint.Aliases!);
                Assert.Equal("10.231.13.10", endpoint.IPAddress);
                Assert.Equal("10.231.13.10", endpoint.IPAMConfig!.IPv4Address);

                NetworkResource network = await Client.Networks.InspectAsync(name);
                NetworkEndpoint attached = network.Containers![containerId];
                Assert.Equal(container, attached.Name);
                Assert.Equal("10.231.13.10/24", attached.IPv4Address);

                await Client.Networks.DisconnectAsync(name, new NetworkDisconnectRequest { Container = containerId });
                inspect = await Client.Containers.InspectAsync(containerId);
                Assert.False(inspect.NetworkSettings!.Networks!.ContainsKey(name));
                Assert.Empty((await Client.Networks.InspectAsync(name)).Containers ?? new Dictionary<string, NetworkEndpoint>());
            }
            finally
            {
                await Client.Containers.RemoveAsync(containerId, force: true);
                await NetworkCleanup.RemoveAsync(Client, name);
            }
        }

        [Fact]
        public async Task Connect_tells_a_missing_container_from_a_missing_network()
        {
            string name = PrivateEngine.UniqueName("netmiss");
            // Running: for a stopped container the engine only records the request, and does not look the network up.
            (string containerId, _) = await StartAsync(Sleeper);
            try
            {
                await CreateAsync(name, "10.231.14.0/24");
                var noContainer = await Assert.ThrowsAsync<EngineNotFoundException>(() =>
                    Client.Networks.ConnectAsync(name, new NetworkConnectRequest { Container = PrivateEngine.UniqueName("nobody") }));
                Assert.Equal(EngineResourceKind.Container, noContainer.ResourceKind);

                var noNetwork = await Assert.ThrowsAsync<EngineNotFoundException>(() =>
                    Client.Networks.ConnectAsync(PrivateEngine.UniqueName("nonet"), new NetworkConnectRequest { Container = containerId }));
                Assert.Equal(EngineResourceKind.Network, noNetwork.ResourceKind);
            }
            finally
            {
                await NetworkCleanup.RemoveAsync(Client, name);
            }
        }

        [Fact]
        public async Task Prune_by_label_removes_the_unused_network_and_keeps_the_one_a_running_container_uses()
        {
            string marker = PrivateEngine.UniqueName("prunemark");
            var labels = new Dictionary<string, string> { ["test.prune"] = marker };
            string unused = PrivateEngine.UniqueName("netunused");
            string used = PrivateEngine.UniqueName("netused");
            (string containerId, _) = await StartAsync(Sleeper);
            try
            {
                await CreateAsync(unused, "10.231.15.0/24", labels);
                await CreateAsync(used, "10.231.16.0/24", labels);
                await Client.Networks.ConnectAsync(used, new NetworkConnectRequest { Container = containerId });

                NetworkPruneResponse pruned = await Client.Networks.PruneAsync(new Filters().Add("label", "test.prune=" + marker));

                Assert.Equal(new[] { unused }, pruned.NetworksDeleted);
                Assert.Equal(used, (await Client.Networks.InspectAsync(used)).Name);
            }
            finally
            {
                await Client.Containers.RemoveAsync(containerId, force: true);
                await NetworkCleanup.RemoveAsync(Client, unused);
                await NetworkCleanup.RemoveAsync(Client, used);
            }
        }

        [Fact]
        public async Task The_engine_refuses_predefined_and_busy_networks_and_a_second_connect_with_403()
        {
            NetworkResource host = await Client.Networks.InspectAsync("host");
            var predefined = await Assert.ThrowsAsync<EngineAuthenticationException>(() => Client.Networks.RemoveAsync(host.Id));
            Assert.Equal(HttpStatusCode.Forbidden, predefined.StatusCode);
            Assert.Contains("pre-defined", predefined.Message, StringComparison.OrdinalIgnoreCase);

            string name = PrivateEngine.UniqueName("netbusy");
            (string containerId, _) = await StartAsync(Sleeper);
            try
            {
                await CreateAsync(name, "10.231.17.0/24");
                await Client.Networks.ConnectAsync(name, new NetworkConnectRequest { Container = containerId });
                var busy = await Assert.ThrowsAsync<EngineAuthenticationException>(() => Client.Networks.RemoveAsync(name));
                Assert.Equal(HttpStatusCode.Forbidden, busy.StatusCode);
                Assert.Contains("active endpoints", busy.Message, StringComparison.OrdinalIgnoreCase);

                // Connecting twice is refused with 403 too, in the words the module reads to report it.
                var twice = await Assert.ThrowsAsync<EngineAuthenticationException>(() => Client.Networks.ConnectAsync(name, new NetworkConnectRequest { Container = containerId }));
                Assert.Contains("already exists in network", twice.Message, StringComparison.Ordinal);
            }
            finally
            {
                await Client.Containers.RemoveAsync(containerId, force: true);
                await NetworkCleanup.RemoveAsync(Client, name);
            }
        }
    }
}
