using Xunit;
using Xunit.Abstractions;

namespace Containers.Tests.Fixtures
{
    /// <summary>
    /// The cluster fixture, proven with the docker CLI alone (so it does not depend on the module's swarm commands): its
    /// three engines form one swarm over their bridge, and a service of three replicas runs one task on each node.
    /// </summary>
    [RequiresEngine]
    [Collection(SwarmClusterFixture.Collection)]
    public sealed class SwarmClusterTests
    {
        private readonly ITestOutputHelper _output;

        public SwarmClusterTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task Three_engines_form_a_swarm_over_their_bridge_and_a_service_spreads_over_them()
        {
            SwarmClusterFixture cluster = await SwarmClusterFixture.GetAsync();
            _output.WriteLine($"The cluster started in {cluster.StartTime.TotalSeconds:0.0} s.");
            SwarmClusterNode manager = cluster.Nodes[0];
            try
            {
                manager.Docker("swarm", "init", "--advertise-addr", manager.Address);
                string token = manager.Docker("swarm", "join-token", "-q", "worker").Trim();
                foreach (SwarmClusterNode worker in cluster.Nodes.Skip(1))
                {
                    worker.Docker("swarm", "join", "--token", token, "--advertise-addr", worker.Address, manager.Address + ":2377");
                }

                string[] nodes = await Eventually.ReachAsync(
                    () => Lines(manager.Docker("node", "ls", "--format", "{{.Hostname}} {{.Status}} {{.ManagerStatus}}")),
                    lines => lines.Length == 3 && lines.All(line => line.Contains(" Ready", StringComparison.Ordinal)),
                    "three Ready nodes");
                Assert.Equal(new[] { "cte-node1 Ready Leader", "cte-node2 Ready", "cte-node3 Ready" }, nodes.Select(line => line.Trim()).OrderBy(line => line, StringComparer.Ordinal));

                manager.Docker("service", "create", "--detach", "--no-resolve-image", "--name", "cte-spread", "--replicas", "3",
                    cluster.Image, "sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done");
                string[] running = await Eventually.ReachAsync(
                    () => Lines(manager.Docker("service", "ps", "cte-spread", "--filter", "desired-state=running", "--format", "{{.Node}} {{.CurrentState}}")),
                    lines => lines.Length == 3 && lines.All(line => line.Contains(" Running", StringComparison.Ordinal)),
                    "three running tasks");
                Assert.Equal(new[] { "cte-node1", "cte-node2", "cte-node3" }, running.Select(line => line.Split(' ')[0]).OrderBy(name => name, StringComparer.Ordinal));
            }
            finally
            {
                cluster.LeaveSwarm();
            }

            foreach (SwarmClusterNode node in cluster.Nodes)
            {
                Assert.Equal("inactive", node.Docker("info", "--format", "{{.Swarm.LocalNodeState}}").Trim());
            }
        }

        private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
