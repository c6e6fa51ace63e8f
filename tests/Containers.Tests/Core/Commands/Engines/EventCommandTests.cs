using System.Collections;
using System.Diagnostics;
using Containers.Commands.Engines;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Engines
{
    public class EventCommandTests : EngineTest
    {
        // The engine logs "die" as it handles the exit, a moment after a wait may already have returned: ask again until it is there.
        private async Task<IReadOnlyList<ContainerEvent>> EventsUntilAsync(GetContainerEventCommand command, Func<IReadOnlyList<ContainerEvent>, bool> enough)
        {
            var clock = Stopwatch.StartNew();
            while (true)
            {
                var output = new RecordingOutput();
                await command.ExecuteAsync(Engine, output, default);
                Assert.Empty(output.Errors);
                IReadOnlyList<ContainerEvent> events = output.ObjectsOf<ContainerEvent>();
                if (enough(events) || clock.Elapsed > TimeSpan.FromSeconds(10))
                {
                    return events;
                }

                await Task.Delay(100);
            }
        }

        private static bool Has(IEnumerable<ContainerEvent> events, params string[] actions) => actions.All(a => events.Any(e => e.Action == a));

        [Fact]
        public async Task Past_events_of_a_container_come_with_its_name_and_id_and_the_command_ends()
        {
            DateTime before = DateTime.Now.AddSeconds(-1);
            (string id, string name) = await StartAsync(new[] { "sh", "-c", "exit 3" });
            await Client.Containers.WaitAsync(id);

            var clock = Stopwatch.StartNew();
            IReadOnlyList<ContainerEvent> events = await EventsUntilAsync(new GetContainerEventCommand { Since = before, Container = new[] { name } }, e => Has(e, "create", "start", "die"));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "without -Follow the command ends at now");

            Assert.Equal(new[] { "create", "start", "die" }, events.Select(e => e.Action).Where(a => a == "create" || a == "start" || a == "die"));
            Assert.All(events, e =>
            {
                Assert.Equal("container", e.Type);
                Assert.Equal(id, e.ActorId);
                Assert.Equal(name, e.Name);
                Assert.Equal("local", e.Scope);
                Assert.Equal(Image, e.Attributes["image"]);
                Assert.InRange(e.Time, before, DateTime.Now.AddSeconds(1));
                Assert.Same(Engine.Client, e.Engine.Client);
            });
            Assert.Equal("3", events.Single(e => e.Action == "die").Attributes["exitCode"]);

            // The same events through -Filter, by id.
            IReadOnlyList<ContainerEvent> byFilter = await EventsUntilAsync(
                new GetContainerEventCommand { Since = before, Filter = new Hashtable { ["container"] = id, ["event"] = new[] { "start", "die" } } },
                e => Has(e, "start", "die"));
            Assert.Equal(new[] { "start", "die" }, byFilter.Select(e => e.Action));
        }

        [Fact]
        public async Task A_since_until_window_holds_only_the_events_inside_it()
        {
            string label = "cte.events=" + Guid.NewGuid().ToString("N");
            var labels = new Dictionary<string, string> { ["cte.events"] = label.Substring("cte.events=".Length) };
            DateTime since = DateTime.Now.AddSeconds(-1);
            (string first, _) = await CreateAsync(Sleeper, labels: labels);
            await Task.Delay(300);
            DateTime until = DateTime.Now;
            await Task.Delay(300);
            (string second, _) = await CreateAsync(Sleeper, labels: labels);

            var filter = new Hashtable { ["type"] = "container", ["label"] = label };
            IReadOnlyList<ContainerEvent> window = await EventsUntilAsync(new GetContainerEventCommand { Since = since, Until = until, Filter = filter }, e => e.Count > 0);
            Assert.Equal(first, Assert.Single(window).ActorId);
            Assert.Equal("create", window[0].Action);

            // A TimeSpan means that long ago, as -Since 10m does.
            IReadOnlyList<ContainerEvent> both = await EventsUntilAsync(new GetContainerEventCommand { Since = TimeSpan.FromMinutes(1), Filter = filter }, e => e.Count >= 2);
            Assert.Equal(new[] { first, second }, both.Select(e => e.ActorId));
        }

        [Fact]
        public async Task Following_streams_new_events_and_ends_within_a_second_of_cancelling()
        {
            string name = PrivateEngine.UniqueName();
            var output = new RecordingOutput();
            using var stop = new CancellationTokenSource();
            // -Since covers the moment between opening the stream and the engine subscribing it to new events.
            Task follow = Task.Run(() => new GetContainerEventCommand { Follow = true, Since = DateTime.Now.AddSeconds(-1), Container = new[] { name } }
                .ExecuteAsync(Engine, output, stop.Token));
            await Task.Delay(200);
            (string id, _) = await StartAsync(Sleeper, name);

            var clock = Stopwatch.StartNew();
            while (!Has(output.ObjectsOf<ContainerEvent>(), "create", "start") && clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(50);
            }

            Assert.True(Has(output.ObjectsOf<ContainerEvent>(), "create", "start"), "events arrive while following");
            Assert.False(follow.IsCompleted, "a followed stream goes on until stopped");
            Assert.All(output.ObjectsOf<ContainerEvent>(), e => Assert.Equal(id, e.ActorId));

            stop.Cancel();
            clock.Restart();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => follow);
            Assert.True(clock.Elapsed < Promptly.Bound, $"cancelling took {clock.Elapsed}"); // a followed stream never ends by itself
        }

        [Fact]
        public async Task Following_a_quiet_engine_on_the_pipeline_thread_ends_promptly_on_ctrl_c()
        {
            // As Get-ContainerEvent -Follow runs: every continuation on the one pipeline thread, waiting on an event
            // stream with nothing to come, while Ctrl+C cancels the token from another thread.
            var output = new RecordingOutput();
            using var stop = new CancellationTokenSource();
            Exception? ended = null;
            var pipeline = new Thread(() =>
            {
                try
                {
                    global::Containers.PowerShell.Hosting.PipelineThreadContext.Run(
                        _ => new GetContainerEventCommand { Follow = true, Container = new[] { PrivateEngine.UniqueName() } }.ExecuteAsync(Engine, output, stop.Token));
                }
                catch (Exception e)
                {
                    ended = e;
                }
            });
            pipeline.Start();
            await Task.Delay(500);
            Assert.True(pipeline.IsAlive, "the followed stream ended by itself");

            var clock = Stopwatch.StartNew();
            stop.Cancel();
            bool joined = pipeline.Join(TimeSpan.FromSeconds(10));
            TimeSpan took = clock.Elapsed;
            Assert.True(joined, "the pipeline thread still reads 10 seconds after cancelling");
            Assert.True(took < Promptly.Bound, $"cancelling took {took}");
            Assert.IsAssignableFrom<OperationCanceledException>(ended);
            Assert.Empty(output.Objects);
        }

        [Fact]
        public async Task Following_ends_by_itself_when_until_passes()
        {
            var output = new RecordingOutput();
            var clock = Stopwatch.StartNew();
            Task follow = new GetContainerEventCommand { Follow = true, Until = DateTime.Now.AddSeconds(2), Filter = new Hashtable { ["container"] = PrivateEngine.UniqueName() } }
                .ExecuteAsync(Engine, output, default);
            Task ended = await Task.WhenAny(follow, Task.Delay(TimeSpan.FromSeconds(10)));
            Assert.Same(follow, ended);
            await follow;
            Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.5), $"ended after {clock.Elapsed}, before -Until"); // and within 10 s: the WhenAny above
            Assert.Empty(output.Objects);
        }

        [Fact]
        public async Task Bad_filters_and_windows_are_InvalidArgument_before_anything_is_sent()
        {
            var failure = await Assert.ThrowsAsync<InvalidParameterException>(() =>
                new GetContainerEventCommand { Filter = new Hashtable { ["contianer"] = "web" } }.ExecuteAsync(Engine, new RecordingOutput(), default));
            CommandError error = ErrorClassifier.Classify(failure, null);
            Assert.Equal("InvalidFilter", error.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
            Assert.Contains("'contianer' is not an event filter", error.Message);
            Assert.Contains("container", error.Message);

            failure = await Assert.ThrowsAsync<InvalidParameterException>(() =>
                new GetContainerEventCommand { Since = DateTime.Now, Until = DateTime.Now.AddMinutes(-5) }.ExecuteAsync(Engine, new RecordingOutput(), default));
            Assert.Equal("InvalidSince", ErrorClassifier.Classify(failure, null).ErrorId);

            failure = await Assert.ThrowsAsync<InvalidParameterException>(() =>
                new GetContainerEventCommand { Until = "not a time" }.ExecuteAsync(Engine, new RecordingOutput(), default));
            Assert.Equal("InvalidUntil", ErrorClassifier.Classify(failure, null).ErrorId);
        }

        [Fact]
        public void Without_follow_the_window_ends_now_and_with_it_stays_open()
        {
            DateTime now = new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc);
            Assert.Equal("1714557600.000000000", new GetContainerEventCommand().BuildParameters(now).Until);
            Assert.Null(new GetContainerEventCommand().BuildParameters(now).Since);
            Assert.Null(new GetContainerEventCommand { Follow = true }.BuildParameters(now).Until);
            Assert.Equal("1714557000.000000000", new GetContainerEventCommand { Since = "10m" }.BuildParameters(now).Since);
            var filters = new GetContainerEventCommand { Container = new[] { "/web" }, Filter = new Hashtable { ["type"] = "container" } }.BuildParameters(now).Filters;
            Assert.Equal(new[] { "web" }, filters["container"]);
            Assert.Equal(new[] { "container" }, filters["type"]);
        }
    }
}
