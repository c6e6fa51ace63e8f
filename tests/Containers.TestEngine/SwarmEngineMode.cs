using Containers.Tests.Fixtures;

namespace Containers.TestEngine
{
    /// <summary>
    /// The <c>--swarm</c> option: a single-node swarm (<see cref="SwarmEngine"/>, as the xunit suite starts it: a dockerd in
    /// a network namespace of its own with the test image) for the tests that host the module and drive a swarm. It has no
    /// registry: the host's loopback is not the namespace's. Prints where it is, then READY, and keeps it until standard
    /// input closes.
    /// </summary>
    internal static class SwarmEngineMode
    {
        public static async Task<int> RunAsync()
        {
            SwarmEngine? swarm = null;
            try
            {
                swarm = await SwarmEngine.StartAsync("cte-swarm", initialize: true).ConfigureAwait(false);
                Console.Out.WriteLine("DOCKER_HOST=" + swarm.Endpoint);
                Console.Out.WriteLine("CONTAINERS_TEST_IMAGE=" + swarm.Image);
                Console.Out.WriteLine("CONTAINERS_TEST_SWARM_NODE=" + swarm.NodeName);
                Console.Out.WriteLine("CONTAINERS_TEST_SWARM_ADDRESS=" + SwarmEngine.SwarmAddress);
                Console.Out.WriteLine("READY");
                Console.Out.Flush();
                await Console.In.ReadToEndAsync().ConfigureAwait(false);
                return 0;
            }
            catch (Exception e)
            {
                Console.Error.WriteLine("The swarm test engine could not start: " + e.Message);
                return 1;
            }
            finally
            {
                swarm?.Client.Dispose();
                swarm?.Dockerd.Dispose();
            }
        }
    }
}
