using System.Runtime.ExceptionServices;
using Containers.Engine.Endpoints;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Engine.Streams;
using Containers.Errors;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Containers
{
    /// <summary>
    /// Get-ContainerStatistics: docker stats. One reading per container by default, taken for all of them at once;
    /// with <see cref="Stream"/>, a reading per second per container until cancelled, in the order they arrive.
    /// Naming no container means every running one, as docker stats does.
    /// </summary>
    public sealed class GetContainerStatisticsCommand
    {
        /// <summary>Keep reading until cancelled (or every container's stream has ended).</summary>
        public bool Stream { get; set; }

        /// <param name="targets">Names (wildcards allowed) or ids; null or empty for every running container.</param>
        public Task ExecuteAsync(ContainerEngine engine, IReadOnlyList<string>? targets, ICommandOutput output, CancellationToken cancellationToken) =>
            ExecuteAsync(new[] { (engine, targets) }, output, cancellationToken);

        /// <summary>
        /// Reads containers of several engines together: -Stream must read every stream at once, and the cmdlet gathers
        /// all its pipeline input, from whichever engines, before it starts.
        /// </summary>
        public async Task ExecuteAsync(IEnumerable<(ContainerEngine Engine, IReadOnlyList<string>? Targets)> groups, ICommandOutput output, CancellationToken cancellationToken)
        {
            var containers = new List<StatisticsTarget>();
            var seen = new HashSet<(ContainerEngine, string)>();
            foreach ((ContainerEngine engine, IReadOnlyList<string>? targets) in groups)
            {
                foreach (StatisticsTarget target in await ResolveAsync(engine, targets, output, cancellationToken))
                {
                    if (seen.Add((target.Engine, target.Id)))
                    {
                        containers.Add(target);
                    }
                }
            }

            if (containers.Count == 0)
            {
                return;
            }

            if (Stream)
            {
                await StreamAsync(containers, output, cancellationToken);
            }
            else
            {
                await ReadOnceAsync(containers, output, cancellationToken);
            }
        }

        private static async Task<IReadOnlyList<StatisticsTarget>> ResolveAsync(ContainerEngine engine, IReadOnlyList<string>? targets, ICommandOutput output, CancellationToken cancellationToken)
        {
            if (targets == null || targets.Count == 0)
            {
                List<ContainerSummary> running = await engine.Client.Containers.ListAsync(new ContainerListParameters(), cancellationToken);
                return running
                    .Select(summary => Container.FromSummary(summary, engine))
                    .Select(container => new StatisticsTarget(engine, container.Id, container.Name, container.Name, listed: true))
                    .ToList();
            }

            var resolved = new List<StatisticsTarget>();
            await ContainerTargets.Kind.ForEachAsync(engine, targets, output, async target =>
            {
                ContainerInspect inspect = await engine.Client.Containers.InspectAsync(target, cancellationToken: cancellationToken);
                resolved.Add(new StatisticsTarget(engine, inspect.Id, (inspect.Name ?? target).TrimStart('/'), target, listed: false));
            }, cancellationToken);

            return resolved;
        }

        // The engine primes each one-frame answer with a reading a second earlier, so asking for every container at
        // once takes that second once, not once per container. Readings are written in the order the containers were named.
        private static async Task ReadOnceAsync(IReadOnlyList<StatisticsTarget> containers, ICommandOutput output, CancellationToken cancellationToken)
        {
            Task<ContainerStatistics?>[] readings = containers
                .Select(container => Task.Run(() => ReadOneAsync(container, cancellationToken), cancellationToken))
                .ToArray();
            try
            {
                for (int i = 0; i < containers.Count; i++)
                {
                    try
                    {
                        ContainerStatistics? reading = await readings[i];
                        if (reading != null)
                        {
                            output.WriteObject(reading);
                        }
                        else if (!containers[i].Listed)
                        {
                            // Removed between being named and being read. One found by listing the running containers
                            // just drops out, as it does from docker stats.
                            throw new EngineNotFoundException($"The container '{containers[i].Asked}' was removed while its statistics were read.", EngineResourceKind.Container, containers[i].Id);
                        }
                    }
                    catch (EngineNotFoundException) when (containers[i].Listed)
                    {
                        // Listed as running, removed before its reading was asked for: gone from docker stats too.
                    }
                    catch (Exception e) when (ErrorClassifier.IsPerTarget(e))
                    {
                        output.WriteError(ErrorClassifier.Classify(e, containers[i].Asked));
                    }
                }
            }
            finally
            {
                // Leave no reading unobserved when one failed the whole command or it was cancelled.
                await Task.WhenAll(readings.Select(r => r.ContinueWith(_ => { }, TaskScheduler.Default)));
            }
        }

        /// <summary>The reading; null when the engine ended the answer without one, which it does for a container removed meanwhile.</summary>
        private static async Task<ContainerStatistics?> ReadOneAsync(StatisticsTarget container, CancellationToken cancellationToken)
        {
            using JsonValueReader<ContainerStatsResponse> frames = await container.Engine.Client.Containers
                .StatsAsync(container.Id, new ContainerStatsParameters { Stream = false }, cancellationToken);
            ContainerStatsResponse? frame = await frames.ReadAsync(cancellationToken);
            // Read on to the answer's end (the engine sends one reading): one whose answer was cut before its last chunk is no reading.
            while (frame != null && await frames.ReadAsync(cancellationToken) != null)
            {
            }

            return frame == null ? null : ContainerStatisticsCalculator.FromFrame(frame, container.Engine, container.Id, container.Name);
        }

        // Every container's stream is read on a thread-pool task of its own; the readings meet in one queue, and this
        // method, on the caller's context (the pipeline thread), writes them out as they arrive.
        private static async Task StreamAsync(IReadOnlyList<StatisticsTarget> containers, ICommandOutput output, CancellationToken cancellationToken)
        {
            var arrivals = new ArrivalQueue<Arrival>();
            using var stopReaders = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Task[] readers = containers
                .Select(container => Task.Run(() => ReadStreamAsync(container, arrivals, stopReaders.Token)))
                .ToArray();
            try
            {
                int open = readers.Length;
                while (open > 0)
                {
                    Arrival arrival = await arrivals.TakeAsync(cancellationToken);
                    if (arrival.Reading != null)
                    {
                        output.WriteObject(arrival.Reading);
                    }
                    else if (arrival.Failure != null)
                    {
                        if (!ErrorClassifier.IsPerTarget(arrival.Failure))
                        {
                            ExceptionDispatchInfo.Capture(arrival.Failure).Throw();
                        }

                        output.WriteError(ErrorClassifier.Classify(arrival.Failure, arrival.Container.Asked));
                    }
                    else
                    {
                        open--;
                    }
                }

                // Stopping ends the readers too, and their last arrivals can come before the wait above sees the stop:
                // streams that ended because the caller stopped them were stopped, not finished.
                cancellationToken.ThrowIfCancellationRequested();
            }
            finally
            {
                stopReaders.Cancel();
                await Task.WhenAll(readers); // readers end quietly once cancelled: closing their connections is all that is left
            }
        }

        private static async Task ReadStreamAsync(StatisticsTarget container, ArrivalQueue<Arrival> arrivals, CancellationToken cancellationToken)
        {
            try
            {
                using JsonValueReader<ContainerStatsResponse> reader = await container.Engine.Client.Containers
                    .StatsAsync(container.Id, new ContainerStatsParameters { Stream = true }, cancellationToken);
                while (await reader.ReadAsync(cancellationToken) is ContainerStatsResponse frame)
                {
                    // A stream's first frame has no earlier reading, so no interval to measure CPU use over; the
                    // engine leaves out the same frame when it answers with one reading.
                    if (ContainerStatisticsCalculator.HasInterval(frame))
                    {
                        arrivals.Add(new Arrival(container, ContainerStatisticsCalculator.FromFrame(frame, container.Engine, container.Id, container.Name), null));
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopped: nothing to report.
            }
            catch (EngineNotFoundException) when (container.Listed)
            {
                // Listed as running, removed before its stream was opened: it drops out, as from docker stats.
            }
            catch (Exception e)
            {
                arrivals.Add(new Arrival(container, null, e));
            }
            finally
            {
                arrivals.Add(new Arrival(container, null, null));
            }
        }

        /// <summary>A container to read: where it lives, what it is, and how the user named it (for errors).</summary>
        private sealed class StatisticsTarget
        {
            public StatisticsTarget(ContainerEngine engine, string id, string name, string asked, bool listed)
            {
                Listed = listed;
                Engine = engine;
                Id = id;
                Name = name;
                Asked = asked;
            }

            public ContainerEngine Engine { get; }

            public string Id { get; }

            public string Name { get; }

            public string Asked { get; }

            /// <summary>Found by listing the running containers rather than named.</summary>
            public bool Listed { get; }
        }

        /// <summary>What a stream reader hands over: a reading, a failure, or (neither) the end of its stream.</summary>
        private sealed class Arrival
        {
            public Arrival(StatisticsTarget container, ContainerStatistics? reading, Exception? failure)
            {
                Container = container;
                Reading = reading;
                Failure = failure;
            }

            public StatisticsTarget Container { get; }

            public ContainerStatistics? Reading { get; }

            public Exception? Failure { get; }
        }
    }
}
