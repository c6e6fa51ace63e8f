using Containers.Commands.Swarm;
using Containers.Models;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Cluster
{
    /// <summary>Three engines made one swarm with Initialize-, Get- and Join-ContainerSwarm, as the manager and a worker see it.</summary>
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
    }
}
