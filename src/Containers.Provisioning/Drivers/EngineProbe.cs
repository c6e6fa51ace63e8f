using Containers.Engine;
using Containers.Engine.Errors;
using Containers.Engine.Transport;
using Containers.Provisioning.Store;

namespace Containers.Provisioning.Drivers
{
    /// <summary>
    /// Asks a host's engine for its version over TLS with the store's client certificate, within a short limit: how
    /// every driver tells Running from Unreachable, and how starting waits for an engine to answer.
    /// </summary>
    public static class EngineProbe
    {
        public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(3);

        /// <summary>The engine's version, or null and why not. Never throws for an engine that does not answer.</summary>
        public static async Task<(string? Version, string? Problem)> TryGetVersionAsync(HostStore store, HostRecord host, TimeSpan limit, CancellationToken cancellationToken)
        {
            try
            {
                var options = new EngineClientOptions { ConnectTimeout = limit, RequestTimeout = limit, MaxIdleConnections = 0 };
                using var client = new EngineClient(EngineEndpoint.Parse(host.EngineAddress), store.LoadClientTls(host.Name), options);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(limit);
                var version = await client.System.VersionAsync(timeout.Token).ConfigureAwait(false);
                return (version.Version, null);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return (null, $"The engine at {host.EngineAddress} did not answer within {limit.TotalSeconds:0} s.");
            }
            catch (Exception e) when (e is EngineException || e is HostStoreException || e is System.IO.IOException || e is TimeoutException)
            {
                return (null, e.Message);
            }
        }

        /// <summary>Waits until the engine answers, checking <paramref name="stillStarting"/> between tries so a process that died fails at once.</summary>
        /// <exception cref="HostDriverException">It did not answer in time, or <paramref name="stillStarting"/> said it never will.</exception>
        public static async Task<string?> WaitUntilAnswersAsync(HostStore store, HostRecord host, TimeSpan limit, Func<string?> stillStarting, CancellationToken cancellationToken)
        {
            DateTime deadline = DateTime.UtcNow + limit;
            string? problem = null;
            while (true)
            {
                string? died = stillStarting();
                if (died != null)
                {
                    throw new HostDriverException(host.Name, died);
                }

                (string? version, string? why) = await TryGetVersionAsync(store, host, TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
                if (why == null)
                {
                    return version;
                }

                problem = why;
                if (DateTime.UtcNow > deadline)
                {
                    throw new HostDriverException(host.Name, $"The engine of the host '{host.Name}' did not answer at {host.EngineAddress} within {limit.TotalSeconds:0} s: {problem}");
                }

                await Task.Delay(200, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
