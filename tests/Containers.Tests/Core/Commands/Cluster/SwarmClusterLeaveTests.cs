using Containers.Commands.Swarm;
using Containers.Models;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Cluster
{
    /// <summary>A worker leaves with Exit-ContainerSwarm: the manager sees it Down, and Remove-ContainerSwarmNode takes it off the list.</summary>
    [Collection(SwarmClusterFixture.Collection)]
    public sealed class SwarmClusterLeaveTests : SwarmClusterTest
    {
        [Fact]
        public async Task A_worker_that_leaves_is_Down_to_the_manager_and_once_removed_is_off_its_list()
        {
            await FormSwarmAsync();

            // A node still up is not removed without -Force.
            var refused = new RecordingOutput();
            await new RemoveContainerSwarmNodeCommand().ExecuteAsync(Manager, new[] { "cte-node3" }, refused, default);
            Assert.Equal("SwarmNodeNotDown", Assert.Single(refused.Errors).ErrorId);

            var left = new RecordingOutput();
            await new ExitContainerSwarmCommand().ExecuteAsync(Engines[2], left, default);
            Assert.Empty(left.Errors);
            Assert.Equal("inactive", Cluster.Nodes[2].Docker("info", "--format", "{{.Swarm.LocalNodeState}}").Trim());

            IReadOnlyList<ContainerSwarmNode> nodes = await NodesAsync(
                list => list.Any(node => node.HostName == "cte-node3" && node.State == "Down"), "cte-node3 Down");
            Assert.Equal(
                new[] { "cte-node1 Ready Active Manager Leader", "cte-node2 Ready Active Worker", "cte-node3 Down Active Worker" },
                nodes.Select(Describe));

            var removed = new RecordingOutput();
            await new RemoveContainerSwarmNodeCommand().ExecuteAsync(Manager, new[] { "cte-node3" }, removed, default);
            Assert.Empty(removed.Errors);
            Assert.Equal(("swarm node 'cte-node3' on cte-node1", "Remove from the swarm"), Assert.Single(removed.Asked));

            nodes = await NodesAsync(list => true, "the nodes");
            Assert.Equal(new[] { "cte-node1 Ready Active Manager Leader", "cte-node2 Ready Active Worker" }, nodes.Select(Describe));
        }
    }
}
