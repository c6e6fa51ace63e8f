using Containers.Commands.Containers;
using Containers.Commands.Fleet;
using Containers.EngineSelection;
using Containers.Engine.Transport;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Fleet
{
    /// <summary>
    /// One command across many engines (<see cref="EngineFleet"/>): the private engine, the same engine behind a slow
    /// forwarder (a far engine: every request held back), and an engine that is not there. Results come from every live
    /// engine, the dead one is one error naming it, the slow one does not hold back the others, and Ctrl+C stops all.
    /// </summary>
    public sealed class EngineFleetTests : EngineTest
    {
        private static ContainerEngine Dead() =>
            EngineDirectory.Get(EngineEndpoint.Parse("unix:///tmp/cte-no-engine-" + Guid.NewGuid().ToString("N").Substring(0, 8) + ".sock"), null, null, "dead-engine", "parameter");

        private static ContainerEngine At(string address, string name) => EngineDirectory.Get(EngineEndpoint.Parse(address), null, null, name, "parameter");

        [Fact]
        public async Task Every_live_engine_answers_the_dead_one_is_one_error_and_the_slow_one_comes_last()
        {
            (_, string name) = await CreateAsync(new[] { "sh", "-c", "exit 0" });
            using var slow = new SlowEngineForwarder(Private.Dockerd.SocketPath, TimeSpan.FromSeconds(2));
            ContainerEngine slowEngine = At(slow.Address, "slow-engine");
            ContainerEngine dead = Dead();
            var output = new RecordingOutput();

            await EngineFleet.RunAsync(new[] { slowEngine, dead, Engine }, 32, output,
                (engine, engineOutput, token) => new GetContainerCommand { All = true, Name = new[] { name } }.ExecuteAsync(engine, engineOutput, token), default);

            IReadOnlyList<Container> found = output.ObjectsOf<Container>();
            Assert.Equal(new[] { Engine, slowEngine }, found.Select(container => container.Engine));
            Assert.All(found, container => Assert.Equal(name, container.Name));
            CommandError error = Assert.Single(output.Errors);
            Assert.Equal("EngineUnreachable", error.ErrorId);
            Assert.Same(dead, error.Target);
            Assert.StartsWith("Engine 'dead-engine': ", error.Message, StringComparison.Ordinal);

            // Two seconds and more for the slow engine: the engines answered shows, and is taken down at the end.
            Assert.Contains(output.Progress, progress => progress.ActivityId == EngineFleet.ProgressActivityId && progress.Status.EndsWith("of 3 engines answered", StringComparison.Ordinal));
            Assert.True(output.Progress.Last().Completed);
        }

        [Fact]
        public async Task What_one_engine_reports_about_a_target_is_led_by_that_engines_name()
        {
            using var other = new SlowEngineForwarder(Private.Dockerd.SocketPath, TimeSpan.FromMilliseconds(10));
            ContainerEngine otherEngine = At(other.Address, "other-engine");
            string missing = PrivateEngine.UniqueName("missing");
            var output = new RecordingOutput();

            await EngineFleet.RunAsync(new[] { Engine, otherEngine }, 32, output,
                (engine, engineOutput, token) => new GetContainerCommand { Name = new[] { missing } }.ExecuteAsync(engine, engineOutput, token), default);

            Assert.Equal(
                new[] { "Engine 'other-engine': ", "Engine '" + Engine.Name + "': " }.OrderBy(text => text, StringComparer.Ordinal),
                output.Errors.Select(error => error.Message.Substring(0, error.Message.IndexOf(": ", StringComparison.Ordinal) + 2)).OrderBy(text => text, StringComparer.Ordinal));
            Assert.All(output.Errors, error => Assert.Equal("ContainerNotFound", error.ErrorId));
        }

        [Fact]
        public async Task A_quick_run_shows_no_progress()
        {
            var output = new RecordingOutput();
            await EngineFleet.RunAsync(new[] { Engine, Dead() }, 32, output,
                (engine, engineOutput, token) => new GetContainerCommand().ExecuteAsync(engine, engineOutput, token), default);
            Assert.Empty(output.Progress);
            Assert.Single(output.Errors);
        }

        [Fact]
        public async Task Cancelling_stops_every_engine_at_once()
        {
            using var slow1 = new SlowEngineForwarder(Private.Dockerd.SocketPath, TimeSpan.FromMinutes(5));
            using var slow2 = new SlowEngineForwarder(Private.Dockerd.SocketPath, TimeSpan.FromMinutes(5));
            var output = new RecordingOutput();
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
            var clock = System.Diagnostics.Stopwatch.StartNew();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => EngineFleet.RunAsync(
                new[] { At(slow1.Address, "slow-1"), At(slow2.Address, "slow-2") }, 32, output,
                (engine, engineOutput, token) => new GetContainerCommand().ExecuteAsync(engine, engineOutput, token), cancel.Token));

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "cancelled after " + clock.Elapsed);
            Assert.Empty(output.Errors);
        }

        [Fact]
        public async Task A_mistake_in_the_arguments_is_thrown_once_not_reported_per_engine()
        {
            var output = new RecordingOutput();
            var thrown = await Assert.ThrowsAsync<InvalidParameterException>(() => EngineFleet.RunAsync(new[] { Engine, Dead() }, 32, output,
                (engine, engineOutput, token) => throw new InvalidParameterException("Port", "x", "The port 'x' is not a number."), default));
            Assert.Equal("Port", thrown.ParamName);
            Assert.Empty(output.Errors);
        }

        [Fact]
        public async Task No_more_engines_than_the_throttle_limit_are_asked_at_once()
        {
            var engines = Enumerable.Range(0, 6).Select(i => new SlowEngineForwarder(Private.Dockerd.SocketPath, TimeSpan.FromMilliseconds(200))).ToList();
            try
            {
                int running = 0;
                int most = 0;
                var output = new RecordingOutput();
                await EngineFleet.RunAsync(engines.Select((slow, i) => At(slow.Address, "slow-" + i)).ToList(), 2, output, async (engine, engineOutput, token) =>
                {
                    int now = Interlocked.Increment(ref running);
                    InterlockedMax(ref most, now);
                    try
                    {
                        await new GetContainerCommand().ExecuteAsync(engine, engineOutput, token);
                    }
                    finally
                    {
                        Interlocked.Decrement(ref running);
                    }
                }, default);

                Assert.Equal(2, most);
                Assert.Empty(output.Errors);
            }
            finally
            {
                engines.ForEach(slow => slow.Dispose());
            }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }
}
