using Containers.Compose;

namespace Containers.Commands.Projects
{
    /// <summary>
    /// Brings services up as docker compose up does: each as soon as the services it depends on are up, those that do not
    /// depend on each other at the same time, at most <see cref="Parallelism"/> at once. Once one fails no other starts:
    /// those already going finish (what they made stays, as compose leaves it), the rest are not begun. Cancelling stops
    /// every one at once.
    /// </summary>
    /// <remarks>
    /// Under the cmdlets every continuation resumes on the pipeline thread (as <see cref="Fleet.EngineFleet"/> relies on),
    /// so each service's steps may write their output: only their engine calls overlap.
    /// </remarks>
    public static class ProjectSchedule
    {
        /// <summary>How many services are brought up at once: enough for a project's independent services, few enough for one engine.</summary>
        public const int Parallelism = 8;

        /// <param name="ordered">The services, each after what it depends on (<see cref="ProjectOrder"/>).</param>
        /// <param name="ready">
        /// Called once the service's dependencies are up, outside the <see cref="Parallelism"/> limit since it may wait long
        /// (a dependency's healthcheck); false: the service failed there.
        /// </param>
        /// <param name="up">Creates and starts the service's containers; false: it failed.</param>
        /// <returns>For each service of <paramref name="ordered"/>, in its order: true up, false failed, null not begun.</returns>
        public static async Task<bool?[]> RunAsync(
            IReadOnlyList<ComposeService> ordered,
            Func<ComposeService, CancellationToken, Task<bool>> ready,
            Func<ComposeService, CancellationToken, Task<bool>> up,
            CancellationToken cancellationToken)
        {
            using var gate = new SemaphoreSlim(Parallelism);
            var run = new Run();
            var going = new Dictionary<string, Task<bool?>>(StringComparer.Ordinal);
            foreach (ComposeService service in ordered)
            {
                // A dependency outside the list (an optional one the files lack) is nothing to wait for.
                List<Task<bool?>> dependencies = service.DependsOn.Keys.Where(going.ContainsKey).Select(name => going[name]).ToList();
                going[service.Name] = RunOneAsync(service, dependencies, ready, up, gate, run, cancellationToken);
            }

            return await Task.WhenAll(ordered.Select(service => going[service.Name]));
        }

        private static async Task<bool?> RunOneAsync(
            ComposeService service,
            List<Task<bool?>> dependencies,
            Func<ComposeService, CancellationToken, Task<bool>> ready,
            Func<ComposeService, CancellationToken, Task<bool>> up,
            SemaphoreSlim gate,
            Run run,
            CancellationToken cancellationToken)
        {
            bool?[] before = await Task.WhenAll(dependencies);
            if (run.Stopped || before.Any(outcome => outcome != true))
            {
                return null;
            }

            try
            {
                if (!await ready(service, cancellationToken))
                {
                    run.Stop();
                    return false;
                }

                await gate.WaitAsync(cancellationToken);
                try
                {
                    if (run.Stopped)
                    {
                        return null;
                    }

                    bool done = await up(service, cancellationToken);
                    if (!done)
                    {
                        run.Stop();
                    }

                    return done;
                }
                finally
                {
                    gate.Release();
                }
            }
            catch
            {
                // The engine gone, or Ctrl+C: nothing more is begun, and the exception goes up once all have ended.
                run.Stop();
                throw;
            }
        }

        /// <summary>Whether a service has failed, read by those about to begin.</summary>
        private sealed class Run
        {
            private int _stopped;

            public bool Stopped => Volatile.Read(ref _stopped) != 0;

            public void Stop() => Interlocked.Exchange(ref _stopped, 1);
        }
    }
}
