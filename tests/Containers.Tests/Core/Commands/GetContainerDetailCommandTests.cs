using System.Threading.Tasks;
using Containers.Commands.Containers;
using Containers.Models;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands
{
    public class GetContainerDetailCommandTests : EngineTest
    {
        [Fact]
        public async Task Detail_describes_the_container_and_Size_fills_the_sizes()
        {
            (string id, string name) = await StartAsync(new[] { "sh", "-c", "echo data > /tmp/file; sleep 300" });

            var output = new RecordingOutput();
            await new GetContainerDetailCommand().ExecuteAsync(Engine, new[] { name }, output, default);
            ContainerDetail detail = Assert.Single(output.ObjectsOf<ContainerDetail>());
            Assert.Equal(id, detail.Id);
            Assert.Equal(name, detail.Name);
            Assert.Equal("running", detail.State);
            Assert.NotNull(detail.ProcessId);
            Assert.Null(detail.SizeRw);
            Assert.Null(detail.SizeRootFs);

            output = new RecordingOutput();
            await new GetContainerDetailCommand { Size = true }.ExecuteAsync(Engine, new[] { name }, output, default);
            detail = Assert.Single(output.ObjectsOf<ContainerDetail>());
            Assert.NotNull(detail.SizeRw);
            Assert.True(detail.SizeRootFs > detail.SizeRw, $"root filesystem {detail.SizeRootFs}, writable layer {detail.SizeRw}");
        }
    }
}
