using Xunit;

namespace Containers.Tests.Fixtures
{
    /// <summary>
    /// The swarm fixtures: an engine in a namespace of its own is a swarm manager under its own host name, two such engines
    /// run side by side (each has its own loopback, so both listen on 2377), and stopping one deletes its namespace.
    /// </summary>
    [RequiresEngine]
    public sealed class SwarmEngineTests
    {
        [Fact]
        public async Task The_shared_engine_is_a_swarm_manager_named_after_its_node()
        {
            SwarmEngine swarm = await SwarmEngine.GetAsync();
            string config = Path.Combine(swarm.Dockerd.Directory, "cli-config");
            string state = DockerCli.Run(swarm.Endpoint, config, "info", "--format", "{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}} {{.Name}}").Trim();
            Assert.Equal("active true cte-swarm", state);
            Assert.Contains(swarm.Image, DockerCli.Run(swarm.Endpoint, config, "image", "ls", "--format", "{{.Repository}}:{{.Tag}}"));
        }

        [Fact]
        public async Task A_second_isolated_swarm_runs_beside_the_shared_one_and_its_namespace_goes_with_it()
        {
            await SwarmEngine.GetAsync();
            SwarmEngine other = await SwarmEngine.StartAsync("cte-other", initialize: true);
            string namespaceName = File.ReadAllText(Path.Combine(other.Dockerd.Directory, EngineNamespace.FileName)).Trim();
            try
            {
                string state = DockerCli.Run(other.Endpoint, Path.Combine(other.Dockerd.Directory, "cli-config"), "info", "--format", "{{.Swarm.LocalNodeState}} {{.Name}}").Trim();
                Assert.Equal("active cte-other", state);
                Assert.Contains(namespaceName, Programs.Run("ip", new[] { "netns", "list" }));
            }
            finally
            {
                other.Client.Dispose();
                other.Dockerd.Dispose();
            }

            Assert.DoesNotContain(namespaceName, Programs.Run("ip", new[] { "netns", "list" }));
        }
    }
}
