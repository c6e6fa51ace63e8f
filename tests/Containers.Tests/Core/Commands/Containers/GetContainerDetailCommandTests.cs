using Containers.Commands.Containers;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Containers
{
    public class GetContainerDetailCommandTests : EngineTest
    {
        [Fact]
        public async Task Detail_carries_what_inspect_says_and_Size_adds_the_layer_sizes()
        {
            (string id, string name) = await StartAsync(new[] { "sh", "-c", "echo data > /written; sleep 300" }, labels: new Dictionary<string, string> { ["role"] = "detail" });
            await Task.Delay(300); // let the shell write its file before the writable layer is measured

            var output = new RecordingOutput();
            await new GetContainerDetailCommand().ExecuteAsync(Engine, new[] { name }, output, default);
            ContainerDetail detail = Assert.Single(output.ObjectsOf<ContainerDetail>());
            Assert.Equal(id, detail.Id);
            Assert.Equal(name, detail.Name);
            Assert.Equal("running", detail.State);
            Assert.StartsWith("Up ", detail.Status);
            Assert.Equal("sh", detail.Path);
            Assert.Equal(new[] { "-c", "echo data > /written; sleep 300" }, detail.Args);
            Assert.True(detail.ProcessId > 0);
            Assert.NotNull(detail.StartedAt);
            Assert.Equal("detail", detail.Labels["role"]);
            Assert.Contains(detail.Environment, entry => entry.StartsWith("PATH=", System.StringComparison.Ordinal));
            Assert.StartsWith("sha256:", detail.ImageId);
            Assert.Same(Engine, detail.Engine);
            Assert.Null(detail.SizeRw);

            output = new RecordingOutput();
            await new GetContainerDetailCommand { Size = true }.ExecuteAsync(Engine, new[] { id.Substring(0, 12) }, output, default);
            ContainerDetail sized = Assert.Single(output.ObjectsOf<ContainerDetail>());
            Assert.True(sized.SizeRw > 0, $"SizeRw {sized.SizeRw}");
            Assert.True(sized.SizeRootFs > sized.SizeRw, $"SizeRootFs {sized.SizeRootFs}, SizeRw {sized.SizeRw}");
        }

        [Fact]
        public async Task A_missing_container_is_ObjectNotFound_and_the_others_are_still_inspected()
        {
            (string id, string name) = await CreateAsync(new[] { "true" });
            string prefix = name.Substring(0, name.Length - 3);

            var output = new RecordingOutput();
            await new GetContainerDetailCommand().ExecuteAsync(Engine, new[] { "no-such-" + name, prefix + "*" }, output, default);

            CommandError error = Assert.Single(output.Errors);
            Assert.Equal("ContainerNotFound", error.ErrorId);
            Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
            Assert.Equal("no-such-" + name, error.Target);
            Assert.Equal(id, Assert.Single(output.ObjectsOf<ContainerDetail>()).Id);
            Assert.Equal("created", output.ObjectsOf<ContainerDetail>().Single().State);
        }
    }
}
