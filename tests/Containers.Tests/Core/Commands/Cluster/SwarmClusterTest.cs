using Containers.EngineSelection;
using Containers.Models;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Cluster
{
    /// <summary>
    /// A base for tests that form a real swarm of three nodes (<see cref="SwarmCluster"/>) with the module's commands: an
    /// engine per node, as a user's -Engine gives it, and after each test every node out of the swarm again, for the next
    /// test of the collection. Derived classes carry <c>[Collection(SwarmCluster.Collection)]</c> themselves (xunit reads it
    /// from the test class only).
    /// </summary>
    [RequiresEngine]
    public abstract class SwarmClusterTest : IAsyncLifetime
    {
        protected SwarmCluster Cluster { get; private set; } = null!;

        /// <summary>The nodes' engines, cte-node1's first.</summary>
        protected IReadOnlyList<ContainerEngine> Engines { get; private set; } = Array.Empty<ContainerEngine>();

        /// <summary>cte-node1's engine: the node that initializes the swarm, its manager.</summary>
        protected ContainerEngine Manager => Engines[0];

        public async Task InitializeAsync()
        {
            Cluster = await SwarmCluster.GetAsync();
            Engines = Cluster.Nodes.Select(node => EngineDirectory.Get(node.Endpoint, null, null, node.Name, "parameter")).ToList();
        }

        public Task DisposeAsync()
        {
            Cluster.LeaveSwarm();
            return Task.CompletedTask;
        }
    }
}
