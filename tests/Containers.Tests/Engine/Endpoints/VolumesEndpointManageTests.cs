using Containers.Engine.Endpoints;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine.Endpoints
{
    /// <summary>Inspect, create, remove and prune against the private engine (dockerd 20.10, API 1.41).</summary>
    public class VolumesEndpointManageTests : EngineTest
    {
        [Fact]
        public async Task Create_sends_labels_and_local_driver_options_and_inspect_reads_them_back()
        {
            string name = PrivateEngine.UniqueName("volmake");
            try
            {
                Volume made = await Client.Volumes.CreateAsync(new VolumeCreateRequest
                {
                    Name = name,
                    Driver = "local",
                    DriverOpts = new Dictionary<string, string> { ["type"] = "tmpfs", ["device"] = "tmpfs", ["o"] = "size=8m" },
                    Labels = new Dictionary<string, string> { ["containers.test"] = "volmake" },
                });
                Assert.Equal(name, made.Name);

                Volume read = await Client.Volumes.InspectAsync(name);
                Assert.Equal("local", read.Driver);
                Assert.Equal("volmake", read.Labels!["containers.test"]);
                Assert.Equal(new[] { "device=tmpfs", "o=size=8m", "type=tmpfs" }, read.Options!.Select(o => o.Key + "=" + o.Value).OrderBy(o => o, StringComparer.Ordinal));
                Assert.NotNull(read.CreatedAt);
            }
            finally
            {
                await EngineObjects.RemoveVolumeAsync(Client, name);
            }
        }

        [Fact]
        public async Task Creating_an_existing_name_returns_the_volume_as_it_was_and_no_name_lets_the_engine_choose()
        {
            string name = PrivateEngine.UniqueName("voltwice");
            string? unnamed = null;
            try
            {
                await Client.Volumes.CreateAsync(new VolumeCreateRequest { Name = name, Labels = new Dictionary<string, string> { ["round"] = "1" } });
                Volume again = await Client.Volumes.CreateAsync(new VolumeCreateRequest { Name = name, Labels = new Dictionary<string, string> { ["round"] = "2" } });
                Assert.Equal("1", again.Labels!["round"]); // not an error, and not an update either

                unnamed = (await Client.Volumes.CreateAsync(new VolumeCreateRequest())).Name;
                Assert.Matches("^[0-9a-f]{64}$", unnamed);
            }
            finally
            {
                await EngineObjects.RemoveVolumeAsync(Client, name);
                if (unnamed != null)
                {
                    await EngineObjects.RemoveVolumeAsync(Client, unnamed);
                }
            }
        }

        [Fact]
        public async Task A_missing_volume_is_a_volume_404_and_a_missing_driver_a_plugin_404()
        {
            string missing = PrivateEngine.UniqueName("volnone");
            var inspect = await Assert.ThrowsAsync<EngineNotFoundException>(() => Client.Volumes.InspectAsync(missing));
            Assert.Equal(EngineResourceKind.Volume, inspect.ResourceKind);
            Assert.Equal(missing, inspect.ResourceId);

            var remove = await Assert.ThrowsAsync<EngineNotFoundException>(() => Client.Volumes.RemoveAsync(missing));
            Assert.Equal(EngineResourceKind.Volume, remove.ResourceKind);

            var driver = await Assert.ThrowsAsync<EngineNotFoundException>(() => Client.Volumes.CreateAsync(new VolumeCreateRequest { Name = missing, Driver = "containers-test-no-such-plugin" }));
            Assert.Equal(EngineResourceKind.Plugin, driver.ResourceKind);
            Assert.Equal("containers-test-no-such-plugin", driver.ResourceId);
        }

        [Fact]
        public async Task Removing_a_volume_a_stopped_container_uses_is_a_conflict_even_with_force()
        {
            string name = PrivateEngine.UniqueName("volused");
            await EngineObjects.CreateVolumeAsync(Client, name);
            try
            {
                ContainerCreateResponse container = await Client.Containers.CreateAsync(null, new ContainerCreateRequest
                {
                    Image = Image,
                    Cmd = new List<string> { "true" },
                    HostConfig = new HostConfig { Binds = new List<string> { name + ":/data" } },
                });
                Track(container.Id);

                var refused = await Assert.ThrowsAsync<EngineConflictException>(() => Client.Volumes.RemoveAsync(name));
                Assert.Contains("in use", refused.Message);
                Assert.Contains(container.Id, refused.Message);
                await Assert.ThrowsAsync<EngineConflictException>(() => Client.Volumes.RemoveAsync(name, force: true));

                await Client.Containers.RemoveAsync(container.Id);
                await Client.Volumes.RemoveAsync(name);
                await Assert.ThrowsAsync<EngineNotFoundException>(() => Client.Volumes.InspectAsync(name));
            }
            finally
            {
                await EngineObjects.RemoveVolumeAsync(Client, name);
            }
        }

        [Fact]
        public async Task On_API_1_41_prune_takes_named_volumes_too_and_all_is_not_sent()
        {
            Assert.Equal(new Version(1, 41), await Client.GetApiVersionAsync());
            Assert.False(await Client.Volumes.PruneCanKeepNamedVolumesAsync());

            string mark = PrivateEngine.UniqueName("volprune");
            string unused = PrivateEngine.UniqueName("volunused");
            string used = PrivateEngine.UniqueName("volkept");
            var labels = new Dictionary<string, string> { ["containers.test.prune"] = mark };
            try
            {
                await Client.Volumes.CreateAsync(new VolumeCreateRequest { Name = unused, Labels = labels });
                await Client.Volumes.CreateAsync(new VolumeCreateRequest { Name = used, Labels = labels });
                ContainerCreateResponse container = await Client.Containers.CreateAsync(null, new ContainerCreateRequest
                {
                    Image = Image,
                    Cmd = new List<string> { "true" },
                    HostConfig = new HostConfig { Binds = new List<string> { used + ":/data" } },
                });
                Track(container.Id);

                // The engine itself refuses the filter that 1.42 added: the endpoint must not send it here.
                var filters = new Filters().Add("label", "containers.test.prune=" + mark);
                var raw = await Assert.ThrowsAsync<EngineBadRequestException>(() => Client.Volumes.PruneAsync(new Filters().Add("label", "containers.test.prune=" + mark).Add("all", "true")));
                Assert.Contains("all", raw.Message);

                VolumePruneResponse pruned = await Client.Volumes.PruneAsync(filters, all: true);
                Assert.Equal(new[] { unused }, pruned.VolumesDeleted);
                Assert.Equal(new[] { "containers.test.prune=" + mark }, filters["label"]); // the caller's filters are untouched
                await Client.Volumes.InspectAsync(used);
            }
            finally
            {
                await DisposeAsync();
                await EngineObjects.RemoveVolumeAsync(Client, unused);
                await EngineObjects.RemoveVolumeAsync(Client, used);
            }
        }
    }
}
