using Containers.Commands.Projects;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Projects
{
    public class StopRemoveGetProjectCommandTests : ProjectCommandTest
    {
        [Fact]
        public async Task Stop_stops_every_container_newest_first_and_Get_shows_the_status()
        {
            string file = Folder.Write("compose.yaml", TwoServices());
            await UpAsync(file);

            var output = new RecordingOutput();
            await new StopContainerProjectCommand().ExecuteAsync(Engine, new[] { Project }, output, default);
            Assert.Empty(output.Errors);
            Assert.Equal(("project '" + Project + "' on " + Engine.Name, "Stop"), Assert.Single(output.Asked));
            Assert.Equal(new[] { $"Stopping the container '{Project}-web-1'.", $"Stopping the container '{Project}-db-1'." }, output.Verbose);
            Assert.All((await ContainersAsync()).Values, container => Assert.Equal("exited", container.State));

            var listed = new RecordingOutput();
            await new GetContainerProjectCommand { Name = new[] { Project.Substring(0, Project.Length - 3) + "*" } }.ExecuteAsync(Engine, listed, default);
            ContainerProject project = Assert.Single(listed.ObjectsOf<ContainerProject>());
            Assert.Equal("exited(2)", project.Status);
            Assert.Equal(new[] { Project + "-db-1", Project + "-web-1" }, project.Containers.Select(container => container.Name));
            Assert.Same(Engine, project.Engine);

            await UpAsync(file);
            var all = new RecordingOutput();
            await new GetContainerProjectCommand().ExecuteAsync(Engine, all, default);
            Assert.Equal("running(2)", Assert.Single(all.ObjectsOf<ContainerProject>(), listedProject => listedProject.Name == Project).Status);
        }

        [Fact]
        public async Task Remove_takes_the_containers_and_the_network_and_keeps_the_volume_unless_told()
        {
            string file = Folder.Write("compose.yaml", TwoServices());
            await UpAsync(file);

            var output = new RecordingOutput();
            await new RemoveContainerProjectCommand().ExecuteAsync(Engine, new[] { Project }, output, default);
            Assert.Empty(output.Errors);
            Assert.Equal(("project '" + Project + "' on " + Engine.Name, "Remove (containers and networks)"), Assert.Single(output.Asked));
            Assert.Empty(await ContainersAsync());
            Assert.Empty(await NetworksAsync());
            Assert.Equal(new[] { Project + "_data" }, await VolumesAsync());

            // The project is only its volume now: -Volume finds it by its label and removes it.
            var volumes = new RecordingOutput();
            await new RemoveContainerProjectCommand { Volume = true }.ExecuteAsync(Engine, new[] { Project }, volumes, default);
            Assert.Empty(volumes.Errors);
            Assert.Equal("Remove (containers, networks and volumes)", Assert.Single(volumes.Asked).Action);
            Assert.Empty(await VolumesAsync());
        }

        [Fact]
        public async Task A_project_that_is_not_there_is_ContainerProjectNotFound_and_a_wildcard_matching_none_is_no_error()
        {
            var stop = new RecordingOutput();
            await new StopContainerProjectCommand().ExecuteAsync(Engine, new[] { Project }, stop, default);
            CommandError error = Assert.Single(stop.Errors);
            Assert.Equal("ContainerProjectNotFound", error.ErrorId);
            Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
            Assert.Equal(Project, error.Target);

            var remove = new RecordingOutput();
            await new RemoveContainerProjectCommand().ExecuteAsync(Engine, new[] { Project }, remove, default);
            Assert.Equal("ContainerProjectNotFound", Assert.Single(remove.Errors).ErrorId);

            var get = new RecordingOutput();
            await new GetContainerProjectCommand { Name = new[] { Project, Project + "*" } }.ExecuteAsync(Engine, get, default);
            Assert.Equal("ContainerProjectNotFound", Assert.Single(get.Errors).ErrorId);
            Assert.Empty(get.Objects);
        }

        [Fact]
        public async Task WhatIf_stops_and_removes_nothing()
        {
            string file = Folder.Write("compose.yaml", TwoServices());
            await UpAsync(file);
            await new StopContainerProjectCommand().ExecuteAsync(Engine, new[] { Project }, new RecordingOutput { Approve = false }, default);
            await new RemoveContainerProjectCommand { Volume = true }.ExecuteAsync(Engine, new[] { Project }, new RecordingOutput { Approve = false }, default);
            Dictionary<string, ContainerSummary> containers = await ContainersAsync();
            Assert.Equal(2, containers.Count);
            Assert.All(containers.Values, container => Assert.Equal("running", container.State));
            Assert.Single(await NetworksAsync());
        }
    }
}
