using Containers.Commands.Swarm;
using Containers.Models;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Cluster
{
    /// <summary>
    /// Three engines made one swarm with Initialize-, Get- and Join-ContainerSwarm, as the manager and a worker see it; a
    /// worker promoted with Set-ContainerSwarmNode -Role becomes a manager that answers for the swarm too.
    /// </summary>
    [Collection(SwarmClusterFixture.Collection)]
    public sealed class SwarmClusterFormationTests : SwarmClusterTest
    {
        [Fact]
        public async Task One_engine_initializes_and_two_join_and_the_manager_lists_three_Ready_nodes_at_their_addresses()
        {
            IReadOnlyList<ContainerSwarmNode> nodes = await FormSwarmAsync();

            Assert.Equal(
                new[] { "cte-node1 Ready Active Manager Leader", "cte-node2 Ready Active Worker", "cte-node3 Ready Active Worker" },
                nodes.Select(Describe));
            Assert.Equal(Cluster.Nodes.Select(node => node.Address), nodes.Select(node => node.Address));
            Assert.Equal(new[] { true, false, false }, nodes.Select(node => node.IsSelf));
            Assert.Equal(Cluster.Nodes[0].Address + ":2377", nodes[0].ManagerAddress);

            // Without -IncludeJoinToken the tokens stay out of the object.
            var read = new RecordingOutput();
            await new GetContainerSwarmCommand().ExecuteAsync(Manager, read, default);
            ContainerSwarm swarm = Assert.Single(read.ObjectsOf<ContainerSwarm>());
            Assert.Null(swarm.WorkerJoinToken);
            Assert.Null(swarm.ManagerJoinToken);
            Assert.Equal(nodes[0].Id, swarm.NodeId);

            // A worker is in the swarm but cannot list it.
            var fromWorker = new RecordingOutput();
            await new GetContainerSwarmNodeCommand().ExecuteAsync(Engines[2], fromWorker, default);
            Assert.Empty(fromWorker.Objects);
            Assert.Equal("NotSwarmManager", Assert.Single(fromWorker.Errors).ErrorId);
        }

        [Fact]
        public async Task A_worker_promoted_to_manager_is_Reachable_and_lists_the_swarm_itself()
        {
            await FormSwarmAsync();

            var promoted = new RecordingOutput();
            var promote = new SetContainerSwarmNodeCommand { Role = "Manager" };
            promote.Validate();
            await promote.ExecuteAsync(Manager, new[] { "cte-node2" }, promoted, default);
            Assert.Empty(promoted.Errors);

            IReadOnlyList<ContainerSwarmNode> nodes = await NodesAsync(
                list => list.Any(node => node.HostName == "cte-node2" && node.ManagerStatus == "Reachable"), "cte-node2 a Reachable manager");
            Assert.Equal(
                new[] { "cte-node1 Ready Active Manager Leader", "cte-node2 Ready Active Manager Reachable", "cte-node3 Ready Active Worker" },
                nodes.Select(Describe));

            // The new manager answers for the swarm itself once its engine has taken the role (a moment after the
            // leader lists it), and knows itself in the list.
            await Eventually.ReachAsync(
                async () =>
                {
                    var output = new RecordingOutput();
                    await new GetContainerSwarmNodeCommand().ExecuteAsync(Engines[1], output, default);
                    return string.Join("; ", output.Errors);
                },
                errors => errors.Length == 0,
                "cte-node2's engine answering as a manager");
            var fromSecond = new RecordingOutput();
            await new GetContainerSwarmNodeCommand().ExecuteAsync(Engines[1], fromSecond, default);
            Assert.Empty(fromSecond.Errors);
            IReadOnlyList<ContainerSwarmNode> seen = fromSecond.ObjectsOf<ContainerSwarmNode>();
            Assert.Equal(nodes.Select(node => node.Id), seen.Select(node => node.Id));
            Assert.Equal("cte-node2", Assert.Single(seen, node => node.IsSelf).HostName);
        }
    }
}
