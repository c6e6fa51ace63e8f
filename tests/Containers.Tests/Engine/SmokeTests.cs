using Containers.Engine.Endpoints;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine
{
    [RequiresEngine]
    public class SmokeTests
    {
        [Fact]
        public async Task The_private_engine_negotiates_api_1_41_and_lists_containers()
        {
            PrivateEngine engine = await PrivateEngine.GetAsync();
            System.Version version = await engine.Client.GetApiVersionAsync();
            Assert.Equal(new System.Version(1, 41), version);
            var list = await engine.Client.Containers.ListAsync(new ContainerListParameters { All = true });
            Assert.NotNull(list);
        }
    }
}
