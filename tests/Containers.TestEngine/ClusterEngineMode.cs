using Containers.Tests.Fixtures;

namespace Containers.TestEngine
{
    /// <summary>
    /// The <c>--cluster</c> option: three engines that can form a swarm (<see cref="SwarmClusterFixture"/>, as the xunit suite
    /// starts it: isolated dockerds joined by a bridge of their own, each with the test image), for the Pester tests that
    /// form one with the module. Prints each node's engine, address and name as CONTAINERS_TEST_CLUSTER_HOSTn,
    /// CONTAINERS_TEST_CLUSTER_ADDRESSn and CONTAINERS_TEST_CLUSTER_NODEn (n = 1..3; never DOCKER_HOST, which the run's
    /// shared engine holds), then READY, and keeps them until standard input closes.
    /// </summary>
    internal static class ClusterEngineMode
    {
        public static async Task<int> RunAsync()
        {
            SwarmClusterFixture? cluster = null;
            try
            {
                cluster = await SwarmClusterFixture.StartAsync().ConfigureAwait(false);
                for (int index = 0; index < cluster.Nodes.Count; index++)
                {
                    SwarmClusterNode node = cluster.Nodes[index];
                    int number = index + 1;
                    Console.Out.WriteLine($"CONTAINERS_TEST_CLUSTER_HOST{number}={node.Endpoint}");
                    Console.Out.WriteLine($"CONTAINERS_TEST_CLUSTER_ADDRESS{number}={node.Address}");
                    Console.Out.WriteLine($"CONTAINERS_TEST_CLUSTER_NODE{number}={node.Name}");
                }

                Console.Out.WriteLine("READY");
                Console.Out.Flush();
                await Console.In.ReadToEndAsync().ConfigureAwait(false);
                return 0;
            }
            catch (Exception e)
            {
                Console.Error.WriteLine("The test cluster could not start: " + e.Message);
                return 1;
            }
            finally
            {
                cluster?.Dispose();
            }
        }
    }
}
