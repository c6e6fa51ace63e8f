using System.Diagnostics;
using Containers.Engine;
using Containers.Engine.Tls;
using Containers.Engine.Transport;

namespace Containers.Tests.Provisioning.Ssh
{
    /// <summary>Waits for a freshly started engine's TCP listener, which opens a moment after its socket.</summary>
    public static class EngineAnswers
    {
        public static async Task WaitAsync(string address, TlsSettings tls, TimeSpan limit)
        {
            var clock = Stopwatch.StartNew();
            using var client = new EngineClient(EngineEndpoint.Parse(address), tls);
            while (true)
            {
                try
                {
                    await client.System.PingAsync();
                    return;
                }
                catch (Exception) when (clock.Elapsed < limit)
                {
                    await Task.Delay(100);
                }
            }
        }
    }
}
