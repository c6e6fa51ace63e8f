using Containers.Commands.Swarm;
using Containers.EngineSelection;
using Containers.Models;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Cluster
{
    /// <summary>
    /// A base for tests that form a real swarm of three nodes (<see cref="SwarmClusterFixture"/>) with the module's commands: an
    /// engine per node, as a user's -Engine gives it, and after each test every node out of the swarm again, for the next
    /// test of the collection. Derived classes carry <c>[Collection(SwarmClusterFixture.Collection)]</c> themselves (xunit reads it
    /// from the test class only).
    /// </summary>
    [RequiresEngine]
    public abstract class SwarmClusterTest : IAsyncLifetime
    {
        protected SwarmClusterFixture Cluster { get; private set; } = null!;

        /// <summary>The nodes' engines, cte-node1's first.</summary>
        protected IReadOnlyList<ContainerEngine> Engines { get; private set; } = Array.Empty<ContainerEngine>();

        /// <summary>cte-node1's engine: the node that initializes the swarm, its manager.</summary>
        protected ContainerEngine Manager => Engines[0];

        public async Task InitializeAsync()
        {
            Cluster = await SwarmClusterFixture.GetAsync();
            Engines = Cluster.Nodes.Select(node => EngineDirectory.Get(node.Endpoint, null, null, node.Name, "parameter")).ToList();
        }

        public Task DisposeAsync()
        {
            // Null when the cluster did not start: that failure is the test's, and there is nothing to leave.
            Cluster?.LeaveSwarm();
            return Task.CompletedTask;
        }

        /// <summary>
        /// Forms the swarm as a user would: Initialize-ContainerSwarm on cte-node1, advertising its bridge address; its
        /// worker token from Get-ContainerSwarm -IncludeJoinToken; Join-ContainerSwarm on the other two. Returns once the
        /// manager lists three Ready nodes, as it lists them.
        /// </summary>
        protected async Task<IReadOnlyList<ContainerSwarmNode>> FormSwarmAsync()
        {
            SwarmClusterNode first = Cluster.Nodes[0];
            var initialized = new RecordingOutput();
            await new InitializeContainerSwarmCommand { AdvertiseAddress = first.Address }.ExecuteAsync(Manager, initialized, default);
            Assert.Empty(initialized.Errors);

            var read = new RecordingOutput();
            await new GetContainerSwarmCommand { IncludeJoinToken = true }.ExecuteAsync(Manager, read, default);
            ContainerSwarm swarm = Assert.Single(read.ObjectsOf<ContainerSwarm>());
            Assert.StartsWith("SWMTKN-", swarm.WorkerJoinToken, StringComparison.Ordinal);

            for (int index = 1; index < Engines.Count; index++)
            {
                var joined = new RecordingOutput();
                await new JoinContainerSwarmCommand
                {
                    RemoteAddress = new[] { first.Address + ":2377" },
                    Token = swarm.WorkerJoinToken!,
                    AdvertiseAddress = Cluster.Nodes[index].Address,
                }.ExecuteAsync(Engines[index], joined, default);
                Assert.Empty(joined.Errors);
            }

            return await NodesAsync(nodes => nodes.Count == Engines.Count && nodes.All(node => node.State == "Ready"), "three Ready nodes");
        }

        /// <summary>The nodes as Get-ContainerSwarmNode on the manager lists them, once <paramref name="wanted"/>.</summary>
        protected Task<IReadOnlyList<ContainerSwarmNode>> NodesAsync(Func<IReadOnlyList<ContainerSwarmNode>, bool> wanted, string what) =>
            Eventually.ReachAsync(
                async () =>
                {
                    var output = new RecordingOutput();
                    await new GetContainerSwarmNodeCommand().ExecuteAsync(Manager, output, default);
                    Assert.Empty(output.Errors);
                    return output.ObjectsOf<ContainerSwarmNode>();
                },
                wanted,
                what);

        /// <summary>"cte-node1 Ready Active Manager Leader": a node in a line, for assertions that show the whole list.</summary>
        protected static string Describe(ContainerSwarmNode node) =>
            string.Join(" ", new[] { node.HostName, node.State, node.Availability, node.Role, node.ManagerStatus }.Where(part => !string.IsNullOrEmpty(part)));
    }
}
