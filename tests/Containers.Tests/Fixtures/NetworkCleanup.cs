using System.Diagnostics;
using Containers.Engine;
using Containers.Engine.Errors;
using Containers.Engine.Models;

namespace Containers.Tests.Fixtures
{
    /// <summary>
    /// Removes a test's network whatever state the test left it in. dockerd 20.10 here keeps the endpoint of a running
    /// container removed with `rm -f` while attached, so the network then has "active endpoints" until the endpoint is
    /// disconnected by force (by its name, the container being gone); the retry covers endpoints still being released.
    /// </summary>
    public static class NetworkCleanup
    {
        public static async Task RemoveAsync(EngineClient client, string name)
        {
            var clock = Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    NetworkResource network = await client.Networks.InspectAsync(name).ConfigureAwait(false);
                    foreach (KeyValuePair<string, NetworkEndpoint> attached in network.Containers ?? new Dictionary<string, NetworkEndpoint>())
                    {
                        // By name: a forced disconnect of a container that is gone finds its endpoint by the endpoint's name.
                        string container = attached.Value.Name ?? attached.Key;
                        await IgnoreMissingAsync(() => client.Networks.DisconnectAsync(network.Id, new NetworkDisconnectRequest { Container = container, Force = true })).ConfigureAwait(false);
                    }

                    await client.Networks.RemoveAsync(network.Id).ConfigureAwait(false);
                    return;
                }
                catch (EngineNotFoundException)
                {
                    return;
                }
                catch (EngineException) when (clock.Elapsed < TimeSpan.FromSeconds(10))
                {
                    await Task.Delay(200).ConfigureAwait(false);
                }
            }
        }

        private static async Task IgnoreMissingAsync(Func<Task> act)
        {
            try
            {
                await act().ConfigureAwait(false);
            }
            catch (EngineNotFoundException)
            {
                // Gone already.
            }
        }
    }
}
