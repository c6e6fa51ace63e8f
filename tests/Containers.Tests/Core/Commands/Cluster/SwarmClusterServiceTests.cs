using Containers.Commands.Services;
using Containers.Models;
using Containers.Parsing;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Cluster
{
    /// <summary>
    /// A service on a swarm of three: its replicas spread one per node, a drained node hands its task to the others, and
    /// once active again it takes the next task.
    /// </summary>
    [Collection(SwarmCluster.Collection)]
    public sealed class SwarmClusterServiceTests : SwarmClusterTest
    {
        private const string Service = "cte-spread";

        [Fact]
        public async Task Three_replicas_run_one_per_node_and_a_drained_node_hands_its_task_to_the_others()
        {
            await FormSwarmAsync();

            var created = new RecordingOutput();
            NewContainerServiceCommand create = NewContainerServiceCommand.FromOptions(new ServiceOptions
            {
                Image = Cluster.Image,
                Name = Service,
                Replicas = 3,
                Command = new[] { "sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done" },
            });
            create.Image = new ServiceImage { Resolution = ServiceImageResolution.Never };
            await create.ExecuteAsync(Manager, created, default);
            Assert.Empty(created.Errors);
            Assert.Equal(Service, Assert.Single(created.ObjectsOf<ContainerService>()).Name);

            IReadOnlyList<ContainerServiceTask> running = await RunningTasksAsync();
            Assert.Equal(3, running.Count);
            Assert.All(running, task => Assert.Equal("running", task.State));
            Assert.Equal(new[] { "cte-node1", "cte-node2", "cte-node3" }, running.Select(task => task.NodeName).OrderBy(name => name, StringComparer.Ordinal));
        }

        /// <summary>The service's tasks the orchestrator wants running, once all three run.</summary>
        private Task<IReadOnlyList<ContainerServiceTask>> RunningTasksAsync(Func<IReadOnlyList<ContainerServiceTask>, bool>? also = null) =>
            Eventually.ReachAsync(
                async () =>
                {
                    var output = new RecordingOutput();
                    await new GetContainerServiceTaskCommand { DesiredState = "running" }.ExecuteAsync(Manager, new[] { Service }, output, default);
                    Assert.Empty(output.Errors);
                    return output.ObjectsOf<ContainerServiceTask>();
                },
                tasks => tasks.Count == 3 && tasks.All(task => task.State == "running") && (also == null || also(tasks)),
                "three running tasks");

        private async Task FormSwarmAsync()
        {
            SwarmClusterNode manager = Cluster.Nodes[0];
            manager.Docker("swarm", "init", "--advertise-addr", manager.Address);
            string token = manager.Docker("swarm", "join-token", "-q", "worker").Trim();
            foreach (SwarmClusterNode worker in Cluster.Nodes.Skip(1))
            {
                worker.Docker("swarm", "join", "--token", token, "--advertise-addr", worker.Address, manager.Address + ":2377");
            }

            await Eventually.ReachAsync(
                () => manager.Docker("node", "ls", "--format", "{{.Status}}").Split('\n', StringSplitOptions.RemoveEmptyEntries),
                lines => lines.Length == 3 && lines.All(line => line == "Ready"),
                "three Ready nodes");
        }
    }
}
