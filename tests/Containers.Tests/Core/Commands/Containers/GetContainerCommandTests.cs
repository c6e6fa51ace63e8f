using System.Collections;
using Containers.Commands.Containers;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Containers
{
    public class GetContainerCommandTests : EngineTest
    {
        [Fact]
        public async Task Without_names_lists_running_containers_only_unless_All()
        {
            (string runningId, string running) = await StartAsync(Sleeper);
            (string createdId, string created) = await CreateAsync(new[] { "true" });

            var output = new RecordingOutput();
            await new GetContainerCommand().ExecuteAsync(Engine, output, default);
            var names = output.ObjectsOf<Container>().Select(c => c.Name).ToList();
            Assert.Contains(running, names);
            Assert.DoesNotContain(created, names);

            output = new RecordingOutput();
            await new GetContainerCommand { All = true }.ExecuteAsync(Engine, output, default);
            Container createdContainer = Assert.Single(output.ObjectsOf<Container>(), c => c.Id == createdId);
            Assert.Equal(created, createdContainer.Name);
            Assert.Equal("created", createdContainer.State);
            Container runningContainer = Assert.Single(output.ObjectsOf<Container>(), c => c.Id == runningId);
            Assert.Equal("running", runningContainer.State);
            Assert.Equal(Image, runningContainer.Image);
            Assert.Same(Engine, runningContainer.Engine);
            Assert.Empty(output.Errors);
        }

        [Fact]
        public async Task Names_find_stopped_containers_and_wildcards_match_names()
        {
            string prefix = PrivateEngine.UniqueName("wild");
            (string firstId, _) = await CreateAsync(new[] { "true" }, prefix + "-a");
            (string secondId, _) = await CreateAsync(new[] { "true" }, prefix + "-b");

            var output = new RecordingOutput();
            await new GetContainerCommand { Name = new[] { prefix + "-*" } }.ExecuteAsync(Engine, output, default);
            Assert.Equal(new[] { firstId, secondId }.OrderBy(x => x), output.ObjectsOf<Container>().Select(c => c.Id).OrderBy(x => x));

            output = new RecordingOutput();
            await new GetContainerCommand { Name = new[] { prefix + "-a" } }.ExecuteAsync(Engine, output, default);
            Assert.Equal(firstId, Assert.Single(output.ObjectsOf<Container>()).Id);

            output = new RecordingOutput();
            await new GetContainerCommand { Id = new[] { secondId.Substring(0, 12) } }.ExecuteAsync(Engine, output, default);
            Assert.Equal(secondId, Assert.Single(output.ObjectsOf<Container>()).Id);
        }

        [Fact]
        public async Task A_literal_name_that_matches_nothing_is_ObjectNotFound_and_a_wildcard_is_silent()
        {
            string missing = PrivateEngine.UniqueName("missing");
            var output = new RecordingOutput();
            await new GetContainerCommand { Name = new[] { missing, missing + "*" } }.ExecuteAsync(Engine, output, default);
            CommandError error = Assert.Single(output.Errors);
            Assert.Equal("ContainerNotFound", error.ErrorId);
            Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
            Assert.Contains(missing, error.Message);
            Assert.Empty(output.Objects);
        }

        [Fact]
        public async Task Label_and_Filter_are_passed_to_the_engine()
        {
            string marker = PrivateEngine.UniqueName("lbl");
            (string labelledId, _) = await CreateAsync(new[] { "true" }, labels: new Dictionary<string, string> { ["test.marker"] = marker });
            await CreateAsync(new[] { "true" });

            var output = new RecordingOutput();
            await new GetContainerCommand { All = true, Label = new[] { "test.marker=" + marker } }.ExecuteAsync(Engine, output, default);
            Container only = Assert.Single(output.ObjectsOf<Container>());
            Assert.Equal(labelledId, only.Id);
            Assert.Equal(marker, only.Labels["test.marker"]);

            output = new RecordingOutput();
            var filter = new Hashtable { ["label"] = "test.marker=" + marker, ["status"] = new[] { "created", "exited" } };
            await new GetContainerCommand { Filter = filter }.ExecuteAsync(Engine, output, default);
            Assert.Equal(labelledId, Assert.Single(output.ObjectsOf<Container>()).Id);
        }

        [Fact]
        public async Task An_exited_container_reports_its_exit_code()
        {
            (string id, string name) = await StartAsync(new[] { "sh", "-c", "exit 4" });
            await Client.Containers.WaitAsync(id);

            var output = new RecordingOutput();
            await new GetContainerCommand { Name = new[] { name } }.ExecuteAsync(Engine, output, default);
            Container container = Assert.Single(output.ObjectsOf<Container>());
            Assert.Equal("exited", container.State);
            Assert.Equal(4, container.ExitCode);
        }
    }
}
