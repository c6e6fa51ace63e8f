using System.Collections.Concurrent;
using System.Diagnostics;
using Containers.Commands.Containers;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Containers
{
    public class StatisticsTests : EngineTest
    {
        private static readonly string[] Busy = { "sh", "-c", "while :; do :; done" };

        private const long Limit = 64L * 1024 * 1024;

        private async Task<(string Id, string Name)> StartLimitedAsync(string[] command, long memory)
        {
            string name = PrivateEngine.UniqueName();
            ContainerCreateResponse created = await Client.Containers.CreateAsync(name, new ContainerCreateRequest
            {
                Image = Image,
                Cmd = command.ToList(),
                HostConfig = new HostConfig { Memory = memory },
            });
            Track(created.Id);
            await Client.Containers.StartAsync(created.Id);
            return (created.Id, name);
        }

        [Fact]
        public async Task One_reading_shows_the_busy_container_using_a_CPU_and_the_idle_one_not_with_sane_memory_figures()
        {
            (string busyId, string busy) = await StartAsync(Busy);
            (string idleId, string idle) = await StartLimitedAsync(Sleeper, Limit);

            // The machine is shared with other test runs (CI runs two test processes at once on 2 cores, a developer's
            // machine may run more), so the loop may get only a small share of a CPU for a second: each reading must be
            // sane, and the busy container's best of a few must be clearly above the idle one's, which reads about 0.
            IReadOnlyList<ContainerStatistics> readings = Array.Empty<ContainerStatistics>();
            var busyFigures = new List<double>();
            for (int attempt = 0; attempt < 5 && !busyFigures.Any(cpu => cpu > 20); attempt++)
            {
                var output = new RecordingOutput();
                var clock = Stopwatch.StartNew();
                await new GetContainerStatisticsCommand().ExecuteAsync(Engine, new[] { busy, idle }, output, default);
                TimeSpan took = clock.Elapsed;

                Assert.Empty(output.Errors);
                readings = output.ObjectsOf<ContainerStatistics>();
                Assert.Equal(new[] { busy, idle }, readings.Select(r => r.Name));
                Assert.Equal(new[] { busyId, idleId }, readings.Select(r => r.Id));

                // The engine primes each one-reading answer, about a second; both containers are read at once.
                Assert.True(took < TimeSpan.FromSeconds(10), $"two readings took {took}");
                Assert.InRange(readings[0].CpuPercent, 1, 100.0 * Environment.ProcessorCount + 1);
                Assert.True(readings[1].CpuPercent < 5, $"idle CPU {readings[1].CpuPercent}%");
                busyFigures.Add(readings[0].CpuPercent);
            }

            Assert.True(busyFigures.Max() > readings[1].CpuPercent + 1, "busy CPU " + string.Join("%, ", busyFigures) + "%, idle " + readings[1].CpuPercent + "%");
            ContainerStatistics busyReading = readings[0];
            ContainerStatistics idleReading = readings[1];

            foreach (ContainerStatistics reading in readings)
            {
                Assert.True(reading.MemoryUsage > 0, $"{reading.Name} memory {reading.MemoryUsage}");
                Assert.True(reading.MemoryUsage < reading.MemoryLimit, $"{reading.Name} memory {reading.MemoryUsage} of {reading.MemoryLimit}");
                Assert.InRange(reading.MemoryPercent, 0.0001, 100);
                Assert.Equal(reading.MemoryUsage * 100.0 / reading.MemoryLimit, reading.MemoryPercent, 6);
                Assert.True(reading.Pids >= 1, $"{reading.Name} pids {reading.Pids}");
                Assert.True(Math.Abs((DateTime.Now - reading.Read).TotalSeconds) < 30, $"read at {reading.Read}");
                Assert.Same(Engine, reading.Engine);
            }

            Assert.Equal(Limit, idleReading.MemoryLimit);
            Assert.True(busyReading.MemoryLimit > Limit, $"the unlimited container's limit {busyReading.MemoryLimit} is the host's memory");
        }

        [Fact]
        public async Task The_memory_limit_is_the_one_docker_stats_shows()
        {
            (_, string idle) = await StartLimitedAsync(Sleeper, Limit);
            var output = new RecordingOutput();
            await new GetContainerStatisticsCommand().ExecuteAsync(Engine, new[] { idle }, output, default);
            ContainerStatistics reading = Assert.Single(output.ObjectsOf<ContainerStatistics>());

            using var sandbox = new global::Containers.Tests.Engine.CredentialStore.CredentialSandbox();
            string cli = DockerCli.Run(Private.Endpoint, sandbox.ConfigDirectory, "stats", "--no-stream", "--format", "{{.MemUsage}}", idle).Trim();
            Assert.EndsWith("/ 64MiB", cli);
            Assert.Equal("64MiB", global::Containers.Text.ByteSize.FormatBinary(reading.MemoryLimit));
        }

        [Fact]
        public async Task Naming_no_container_reads_every_running_one_and_wildcards_match_names()
        {
            string prefix = PrivateEngine.UniqueName("stats");
            (string firstId, _) = await StartAsync(Sleeper, prefix + "-a");
            (string secondId, _) = await StartAsync(Sleeper, prefix + "-b");
            (string createdId, _) = await CreateAsync(Sleeper, prefix + "-c");

            var output = new RecordingOutput();
            await new GetContainerStatisticsCommand().ExecuteAsync(Engine, null, output, default);
            List<string> ids = output.ObjectsOf<ContainerStatistics>().Select(r => r.Id).ToList();
            Assert.Contains(firstId, ids);
            Assert.Contains(secondId, ids);
            Assert.DoesNotContain(createdId, ids);
            Assert.Equal(ids.Count, ids.Distinct().Count());

            output = new RecordingOutput();
            await new GetContainerStatisticsCommand().ExecuteAsync(Engine, new[] { prefix + "-[ab]", firstId }, output, default);
            Assert.Equal(new[] { firstId, secondId }, output.ObjectsOf<ContainerStatistics>().Select(r => r.Id)); // each once
            Assert.Empty(output.Errors);
        }

        [Fact]
        public async Task A_missing_container_is_ObjectNotFound_and_the_others_are_still_read()
        {
            (string id, string name) = await StartAsync(Sleeper);
            string missing = PrivateEngine.UniqueName("missing");
            var output = new RecordingOutput();
            await new GetContainerStatisticsCommand().ExecuteAsync(Engine, new[] { missing, name }, output, default);
            CommandError error = Assert.Single(output.Errors);
            Assert.Equal("ContainerNotFound", error.ErrorId);
            Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
            Assert.Equal(missing, error.Target);
            Assert.Equal(id, Assert.Single(output.ObjectsOf<ContainerStatistics>()).Id);
        }

        [Fact]
        public async Task A_container_removed_while_being_read_is_not_found_when_named_and_drops_out_when_listed()
        {
            (string namedId, string named) = await StartAsync(Sleeper);
            var output = new RecordingOutput();
            Task reading = new GetContainerStatisticsCommand().ExecuteAsync(Engine, new[] { named }, output, default);
            await Task.Delay(300); // inside the engine's priming second
            await Client.Containers.RemoveAsync(namedId, force: true);
            await reading;
            Assert.Empty(output.Objects);
            CommandError error = Assert.Single(output.Errors);
            Assert.Equal("ContainerNotFound", error.ErrorId);
            Assert.Equal(named, error.Target);

            (string listedId, _) = await StartAsync(Sleeper);
            output = new RecordingOutput();
            reading = new GetContainerStatisticsCommand().ExecuteAsync(Engine, null, output, default);
            await Task.Delay(300);
            await Client.Containers.RemoveAsync(listedId, force: true);
            await reading;
            Assert.DoesNotContain(listedId, output.ObjectsOf<ContainerStatistics>().Select(r => r.Id));
            Assert.Empty(output.Errors);
        }

        [Fact]
        public async Task A_stopped_container_reads_as_zeros_as_docker_stats_shows_it()
        {
            (string id, string name) = await CreateAsync(Sleeper);
            var output = new RecordingOutput();
            await new GetContainerStatisticsCommand().ExecuteAsync(Engine, new[] { name }, output, default);
            ContainerStatistics reading = Assert.Single(output.ObjectsOf<ContainerStatistics>());
            Assert.Equal(id, reading.Id);
            Assert.Equal(name, reading.Name);
            Assert.Equal(0, reading.CpuPercent);
            Assert.Equal(0, reading.MemoryUsage);
            Assert.Equal(0, reading.MemoryPercent);
        }

        [Fact]
        public async Task Streaming_writes_readings_of_several_containers_as_they_arrive_only_on_the_pipeline_thread_and_stops_promptly()
        {
            (string busyId, string busy) = await StartAsync(Busy);
            (string idleId, string idle) = await StartAsync(Sleeper);
            var output = new ThreadRecordingOutput();
            using var stop = new CancellationTokenSource();
            Exception? ended = null;
            int pipelineThread = 0;
            var pipeline = new Thread(() =>
            {
                pipelineThread = Environment.CurrentManagedThreadId;
                try
                {
                    global::Containers.PowerShell.Hosting.PipelineThreadContext.Run(
                        _ => new GetContainerStatisticsCommand { Stream = true }.ExecuteAsync(Engine, new[] { busy, idle }, output, stop.Token));
                }
                catch (Exception e)
                {
                    ended = e;
                }
            });
            pipeline.Start();

            var clock = Stopwatch.StartNew();
            while ((output.Readings.Count(r => r.Id == busyId) < 3 || output.Readings.Count(r => r.Id == idleId) < 3) && clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(50);
            }

            TimeSpan tookForThree = clock.Elapsed;
            Assert.True(pipeline.IsAlive, "the stream ended by itself: " + ended);
            clock.Restart();
            stop.Cancel();
            bool joined = pipeline.Join(TimeSpan.FromSeconds(10));
            TimeSpan took = clock.Elapsed;

            Assert.True(joined, "the pipeline thread still reads 10 seconds after cancelling");
            // The stream never ends by itself, so a bound of several seconds still tells a cancelled stream from a hung one
            // (it cannot tell "at once" from "at the next one-second reading" on a loaded machine, and does not try).
            Assert.True(took < Promptly.Bound, $"cancelling took {took}");
            Assert.IsAssignableFrom<OperationCanceledException>(ended);
            Assert.True(tookForThree < TimeSpan.FromSeconds(20), $"three readings of each took {tookForThree}");

            List<ContainerStatistics> busyReadings = output.Readings.Where(r => r.Id == busyId).ToList();
            Assert.True(busyReadings.Count >= 3);
            // On a machine shared with other test runs the loop may get only a small share of a CPU, but always more
            // than the idle container.
            List<ContainerStatistics> idleReadings = output.Readings.Where(r => r.Id == idleId).ToList();
            Assert.True(busyReadings.Max(r => r.CpuPercent) > idleReadings.Max(r => r.CpuPercent) + 1, "busy CPU " + string.Join("%, ", busyReadings.Select(r => r.CpuPercent)));
            Assert.All(busyReadings, r => Assert.InRange(r.CpuPercent, 0.5, 100.0 * Environment.ProcessorCount + 1));
            Assert.All(idleReadings, r => Assert.True(r.CpuPercent < 5, $"idle CPU {r.CpuPercent}%"));
            // A reading a second apart per container, each later than the one before.
            Assert.True(busyReadings.Zip(busyReadings.Skip(1), (a, b) => b.Read > a.Read).All(later => later));
            Assert.Empty(output.Errors);
            Assert.Equal(new[] { pipelineThread }, output.WritingThreads.Distinct());
        }

        [Fact]
        public async Task Streaming_a_container_that_is_not_running_yields_readings_of_zero_beside_the_running_one()
        {
            (string createdId, string created) = await CreateAsync(Sleeper);
            (string runningId, string running) = await StartAsync(Sleeper);
            var output = new RecordingOutput();
            using var stop = new CancellationTokenSource();
            Task streaming = Task.Run(() => new GetContainerStatisticsCommand { Stream = true }.ExecuteAsync(Engine, new[] { created, running }, output, stop.Token));
            var clock = Stopwatch.StartNew();
            while ((output.ObjectsOf<ContainerStatistics>().Count(r => r.Id == createdId) < 2 || output.ObjectsOf<ContainerStatistics>().Count(r => r.Id == runningId) < 2)
                && clock.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(50);
            }

            stop.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => streaming);
            Assert.Empty(output.Errors);
            List<ContainerStatistics> zeros = output.ObjectsOf<ContainerStatistics>().Where(r => r.Id == createdId).ToList();
            Assert.True(zeros.Count >= 2, $"{zeros.Count} readings of the stopped container");
            Assert.All(zeros, r => Assert.Equal((created, 0.0, 0L), (r.Name, r.CpuPercent, r.MemoryUsage)));
            Assert.True(output.ObjectsOf<ContainerStatistics>().Where(r => r.Id == runningId).All(r => r.MemoryUsage > 0));
        }

        [Fact]
        public async Task One_shot_answers_without_priming_so_its_frame_has_no_earlier_reading()
        {
            (string id, _) = await StartAsync(Sleeper);
            var clock = Stopwatch.StartNew();
            using global::Containers.Engine.Streams.JsonValueReader<ContainerStatsResponse> frames = await Client.Containers.StatsAsync(id, new global::Containers.Engine.Endpoints.ContainerStatsParameters { OneShot = true });
            ContainerStatsResponse? frame = await frames.ReadAsync();
            Assert.NotNull(frame);
            Assert.Equal(id, frame!.Id);
            Assert.False(ContainerStatisticsCalculator.HasInterval(frame)); // which is why Get-ContainerStatistics does not use it
            Assert.True(frame.MemoryStats!.Usage > 0);
            Assert.Null(await frames.ReadAsync()); // one frame, then the end
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        }

        [Fact]
        public async Task Cancelling_a_single_reading_is_a_cancellation_not_a_reading()
        {
            // A reading takes the engine's one-second sample interval: no bound a loaded machine keeps can tell an
            // honoured cancel from a wait-out here, so this checks what can be told: it ends as a cancellation, with no reading.
            (_, string name) = await StartAsync(Sleeper);
            using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            var output = new RecordingOutput();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new GetContainerStatisticsCommand().ExecuteAsync(Engine, new[] { name }, output, stop.Token)).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Empty(output.Objects);
        }

        /// <summary>Records readings, and which thread wrote each: PowerShell accepts output from the pipeline thread only.</summary>
        private sealed class ThreadRecordingOutput : ICommandOutput
        {
            private readonly ConcurrentQueue<ContainerStatistics> _readings = new ConcurrentQueue<ContainerStatistics>();
            private readonly ConcurrentQueue<int> _threads = new ConcurrentQueue<int>();

            public IReadOnlyList<ContainerStatistics> Readings => _readings.ToList();

            public IReadOnlyList<int> WritingThreads => _threads.ToList();

            public void WriteObject(object value)
            {
                _threads.Enqueue(Environment.CurrentManagedThreadId);
                _readings.Enqueue((ContainerStatistics)value);
            }

            public IReadOnlyList<CommandError> Errors => _errors.ToList();

            private readonly ConcurrentQueue<CommandError> _errors = new ConcurrentQueue<CommandError>();

            public void WriteError(CommandError error)
            {
                _threads.Enqueue(Environment.CurrentManagedThreadId);
                _errors.Enqueue(error);
            }

            public void WriteWarning(string message) => _threads.Enqueue(Environment.CurrentManagedThreadId);

            public void WriteVerbose(string message) => _threads.Enqueue(Environment.CurrentManagedThreadId);

            public void WriteDebug(string message) => _threads.Enqueue(Environment.CurrentManagedThreadId);

            public void WriteProgress(ProgressUpdate progress) => _threads.Enqueue(Environment.CurrentManagedThreadId);

            public void WriteInformation(string message, params string[] tags) => _threads.Enqueue(Environment.CurrentManagedThreadId);

            public bool ShouldProcess(string target, string action) => true;

            public bool ShouldContinue(string query, string caption) => true;

            public void SetExitCode(int exitCode)
            {
            }
        }
    }
}
