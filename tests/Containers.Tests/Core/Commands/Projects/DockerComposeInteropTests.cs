using Containers.Commands.Projects;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Projects
{
    /// <summary>
    /// Projects shared with docker-compose 1.29 (Debian's) on the private engine: it lists and stops the containers
    /// Start-ContainerProject made, and the project cmdlets list and remove a project docker-compose made.
    /// </summary>
    public class DockerComposeInteropTests : ProjectCommandTest
    {
        [Fact]
        public async Task Docker_compose_lists_stops_and_takes_down_a_project_we_started()
        {
            string file = Folder.Write("compose.yaml", TwoServices());
            await UpAsync(file);

            string listed = Compose(file, "ps");
            Assert.Contains(Project + "-web-1", listed);
            Assert.Contains(Project + "-db-1", listed);
            Assert.Contains("Up", listed);

            Compose(file, "stop");
            Dictionary<string, ContainerSummary> containers = await ContainersAsync();
            Assert.Equal(2, containers.Count);
            Assert.All(containers.Values, container => Assert.Equal("exited", container.State));

            // docker-compose down takes our containers and network; the volume stays, as with Remove-ContainerProject.
            Compose(file, "down");
            Assert.Empty(await ContainersAsync());
            Assert.Empty(await NetworksAsync());
            Assert.Equal(new[] { Project + "_data" }, await VolumesAsync());
        }

        [Fact]
        public async Task A_project_docker_compose_started_is_listed_and_removed_and_starting_it_here_recreates_its_containers()
        {
            string file = Folder.Write("compose.yaml", TwoServices());
            Compose(file, "up", "-d");
            Dictionary<string, ContainerSummary> theirs = await ContainersAsync();
            Assert.Equal(new[] { Project + "_db_1", Project + "_web_1" }, theirs.Keys.OrderBy(name => name, StringComparer.Ordinal));

            var listed = new RecordingOutput();
            await new GetContainerProjectCommand { Name = new[] { Project } }.ExecuteAsync(Engine, listed, default);
            ContainerProject project = Assert.Single(listed.ObjectsOf<ContainerProject>());
            Assert.Equal("running(2)", project.Status);
            Assert.Equal(new[] { "db", "web" }, project.Services);
            Assert.Equal(new[] { file }, project.ConfigFiles);

            // docker-compose's config hash is of its own model: every container is replaced, under compose v2's names.
            await UpAsync(file);
            Dictionary<string, ContainerSummary> ours = await ContainersAsync();
            Assert.Equal(new[] { Project + "-db-1", Project + "-web-1" }, ours.Keys.OrderBy(name => name, StringComparer.Ordinal));
            Assert.DoesNotContain(ours.Values, container => theirs.Values.Any(their => their.Id == container.Id));

            var output = new RecordingOutput();
            await new RemoveContainerProjectCommand().ExecuteAsync(Engine, new[] { Project }, output, default);
            Assert.Empty(output.Errors);
            Assert.Empty(await ContainersAsync());
            Assert.Empty(await NetworksAsync());
            Assert.Equal(new[] { Project + "_data" }, await VolumesAsync());
        }

        [Fact]
        public async Task Docker_compose_ps_shows_our_container_healthy_from_the_files_healthcheck()
        {
            string file = Folder.Write("compose.yaml", TwoServices().Replace("    volumes:\n      - data:/data", @"    volumes:
      - data:/data
    healthcheck:
      test: [""CMD"", ""true""]
      interval: 1s").Replace("    depends_on: [db]", "    depends_on:\n      db:\n        condition: service_healthy"));
            await UpAsync(file);

            // Start-ContainerProject returned once db was healthy, before web was made.
            string listed = Compose(file, "ps");
            string db = Assert.Single(listed.Split('\n'), line => line.StartsWith(Project + "-db-1", StringComparison.Ordinal));
            Assert.Contains("Up (healthy)", db);
            string web = Assert.Single(listed.Split('\n'), line => line.StartsWith(Project + "-web-1", StringComparison.Ordinal));
            Assert.DoesNotContain("healthy", web);
        }

        // docker-compose -p PROJECT -f FILE ARGUMENTS, against the private engine.
        private string Compose(string file, params string[] arguments) =>
            DockerCli.RunCompose(
                Path.Combine(Folder.Root, "docker-config"),
                new[] { "-p", Project, "-f", file }.Concat(arguments),
                new Dictionary<string, string?> { ["DOCKER_HOST"] = Private.Endpoint.ToString(), ["IMAGE"] = Image });
    }
}
