using Containers.Commands.Services;
using Containers.Commands.Swarm;
using Containers.Models;
using Containers.Parsing;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Cluster
{
    /// <summary>
    /// A service on a swarm of three: its replicas spread one per node, a drained node hands its task to the others, and
    /// once active again it takes the next task the service gets.
    /// </summary>
    [Collection(SwarmClusterFixture.Collection)]
    public sealed class SwarmClusterServiceTests : SwarmClusterTest
    {
        private const string Service = "cte-spread";

        [Fact]
        public async Task Three_replicas_run_one_per_node_and_a_drained_node_hands_its_task_to_the_others()
        {
            await FormSwarmAsync();

            // The image is on every node already and must not be looked up at a registry (Docker Hub, for its name).
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

            IReadOnlyList<ContainerServiceTask> running = await RunningTasksAsync(3, "three running tasks");
            Assert.Equal(new[] { "cte-node1", "cte-node2", "cte-node3" }, NodeNames(running));
            string drainedTask = running.Single(task => task.NodeName == "cte-node3").Id;

            await SetAvailabilityAsync("cte-node3", "Drain");
            running = await RunningTasksAsync(3, "three running tasks, none on the drained cte-node3", tasks => tasks.All(task => task.NodeName != "cte-node3"));
            Assert.DoesNotContain(running, task => task.Id == drainedTask);
            Assert.Equal(3, running.Count(task => task.NodeName == "cte-node1" || task.NodeName == "cte-node2"));
            Assert.Equal("Drain", (await NodesAsync(nodes => true, "the nodes")).Single(node => node.HostName == "cte-node3").Availability);

            // Active again, the node takes work anew: the swarm does not move tasks back, but gives it the next one, as
            // it has the fewest of the service's tasks.
            await SetAvailabilityAsync("cte-node3", "Active");
            var scaled = new RecordingOutput();
            await new SetContainerServiceCommand { Replicas = 4 }.ExecuteAsync(Manager, new[] { Service }, scaled, default);
            Assert.Empty(scaled.Errors);
            running = await RunningTasksAsync(4, "four running tasks");
            Assert.Single(running, task => task.NodeName == "cte-node3");
        }

        private async Task SetAvailabilityAsync(string node, string availability)
        {
            var output = new RecordingOutput();
            var command = new SetContainerSwarmNodeCommand { Availability = availability, PassThru = true };
            command.Validate();
            await command.ExecuteAsync(Manager, new[] { node }, output, default);
            Assert.Empty(output.Errors);
            Assert.Equal(availability, Assert.Single(output.ObjectsOf<ContainerSwarmNode>()).Availability);
        }

        /// <summary>The service's tasks the orchestrator wants running, once <paramref name="count"/> of them run (and <paramref name="also"/>).</summary>
        private Task<IReadOnlyList<ContainerServiceTask>> RunningTasksAsync(int count, string what, Func<IReadOnlyList<ContainerServiceTask>, bool>? also = null) =>
            Eventually.ReachAsync(
                async () =>
                {
                    var output = new RecordingOutput();
                    await new GetContainerServiceTaskCommand { DesiredState = "running" }.ExecuteAsync(Manager, new[] { Service }, output, default);
                    Assert.Empty(output.Errors);
                    return output.ObjectsOf<ContainerServiceTask>();
                },
                tasks => tasks.Count == count && tasks.All(task => task.State == "running") && (also == null || also(tasks)),
                what);

        private static IEnumerable<string?> NodeNames(IEnumerable<ContainerServiceTask> tasks) =>
            tasks.Select(task => task.NodeName).OrderBy(name => name, StringComparer.Ordinal);
    }
}
