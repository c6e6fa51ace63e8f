using Containers.Engine.Endpoints;
using Containers.Engine.Models;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine.Endpoints
{
    [RequiresEngine]
    public class VolumesEndpointTests
    {
        [Fact]
        public async Task The_volume_list_carries_a_new_volume_with_its_driver_and_mount_point()
        {
            PrivateEngine engine = await PrivateEngine.GetAsync();
            string name = PrivateEngine.UniqueName("vollist");
            await EngineObjects.CreateVolumeAsync(engine.Client, name);
            try
            {
                VolumeListResponse listing = await engine.Client.Volumes.ListAsync();

                Volume made = Assert.Single(listing.Volumes!, v => v.Name == name);
                Assert.Equal("local", made.Driver);
                Assert.Equal("local", made.Scope);
                Assert.Contains(name, made.Mountpoint);
                Assert.NotNull(made.CreatedAt);

                VolumeListResponse filtered = await engine.Client.Volumes.ListAsync(new Filters().Add("name", name));
                Assert.Equal(name, Assert.Single(filtered.Volumes!).Name);
            }
            finally
            {
                await EngineObjects.RemoveVolumeAsync(engine.Client, name);
            }
        }
    }
}
