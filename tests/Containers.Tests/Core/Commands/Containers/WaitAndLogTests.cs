using System.Diagnostics;
using Containers.Commands.Containers;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Containers
{
    public class WaitAndLogTests : EngineTest
    {
        [Fact]
        public async Task Wait_returns_the_exit_code_and_name()
        {
            (string id, string name) = await StartAsync(new[] { "sh", "-c", "sleep 0.2; exit 3" });
            var output = new RecordingOutput();
            await new WaitContainerCommand().ExecuteAsync(Engine, new[] { name }, output, default);
            ContainerWaitResult result = Assert.Single(output.ObjectsOf<ContainerWaitResult>());
            Assert.Equal(3, result.ExitCode);
            Assert.Equal(name, result.Name);
            Assert.Equal(id, result.Id);
        }

        [Fact]
        public async Task Wait_with_a_timeout_reports_OperationTimeout_promptly()
        {
            (_, string name) = await StartAsync(Sleeper);
            var output = new RecordingOutput();
            var clock = Stopwatch.StartNew();
            await new WaitContainerCommand { Timeout = 1 }.ExecuteAsync(Engine, new[] { name }, output, default);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
            CommandError error = Assert.Single(output.Errors);
            Assert.Equal("WaitTimeout", error.ErrorId);
            Assert.Equal(ErrorKind.OperationTimeout, error.Kind);
        }

        [Fact]
        public async Task Logs_keep_stdout_and_stderr_apart_with_tail_and_timestamps()
        {
            (string id, string name) = await StartAsync(new[] { "sh", "-c", "echo one; echo two >&2; echo 'three é'; printf 'no newline'" });
            await Client.Containers.WaitAsync(id);

            var output = new RecordingOutput();
            await new GetContainerLogCommand().ExecuteAsync(Engine, new[] { name }, output, default);
            var lines = output.ObjectsOf<ContainerLogLine>();
            Assert.Equal(new[] { "one", "three é", "no newline" }, lines.Where(l => l.Stream == LogStream.Stdout).Select(l => l.Text));
            Assert.Equal(new[] { "two" }, lines.Where(l => l.Stream == LogStream.Stderr).Select(l => l.Text));
            Assert.All(lines, l => Assert.Null(l.Timestamp));
            Assert.All(lines, l => Assert.Equal(name, l.ContainerName));

            output = new RecordingOutput();
            await new GetContainerLogCommand { Timestamps = true, IncludeStderr = false }.ExecuteAsync(Engine, new[] { name }, output, default);
            lines = output.ObjectsOf<ContainerLogLine>();
            Assert.Equal(new[] { "one", "three é", "no newline" }, lines.Select(l => l.Text));
            Assert.All(lines, l => Assert.True(l.Timestamp > DateTime.Now.AddMinutes(-5) && l.Timestamp < DateTime.Now.AddMinutes(1), $"timestamp {l.Timestamp}"));

            output = new RecordingOutput();
            await new GetContainerLogCommand { Tail = 1, IncludeStderr = false }.ExecuteAsync(Engine, new[] { name }, output, default);
            Assert.Equal("no newline", Assert.Single(output.ObjectsOf<ContainerLogLine>()).Text);
        }

        [Fact]
        public async Task Tty_logs_are_read_unframed()
        {
            (string id, string name) = await StartAsync(new[] { "sh", "-c", "echo tty-line" }, tty: true);
            await Client.Containers.WaitAsync(id);
            var output = new RecordingOutput();
            await new GetContainerLogCommand().ExecuteAsync(Engine, new[] { name }, output, default);
            Assert.Equal("tty-line", Assert.Single(output.ObjectsOf<ContainerLogLine>()).Text);
        }

        [Fact]
        public async Task Following_logs_streams_new_lines_and_stops_promptly_when_cancelled()
        {
            (_, string name) = await StartAsync(new[] { "sh", "-c", "i=0; while true; do echo line$i; i=$((i+1)); sleep 0.1; done" });
            var output = new RecordingOutput();
            using var stop = new CancellationTokenSource();
            // The log read blocks the thread it runs on. xunit runs this test's continuations on a few threads of its
            // own, each draining a shared queue, so a read blocked on one could hold back the loop below: the command
            // gets a thread of its own, as a cmdlet has its pipeline thread.
            Task follow = Task.Run(() => new GetContainerLogCommand { Follow = true }.ExecuteAsync(Engine, new[] { name }, output, stop.Token));
            var clock = Stopwatch.StartNew();
            while (output.ObjectsOf<ContainerLogLine>().Count < 5 && clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(50);
            }

            Assert.True(output.ObjectsOf<ContainerLogLine>().Count >= 5, "lines arrive while following");
            stop.Cancel();
            clock.Restart();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => follow);
            Assert.True(clock.Elapsed < Promptly.Bound, $"cancelling took {clock.Elapsed}"); // the followed log never ends by itself
            Assert.StartsWith("line0", output.ObjectsOf<ContainerLogLine>()[0].Text);
        }

        [Fact]
        public async Task Following_a_quiet_container_on_the_pipeline_thread_ends_with_a_cancellation_within_a_second_of_ctrl_c()
        {
            // As Get-ContainerLog -Follow runs: every continuation on one pipeline thread, which blocks in the log read
            // while the container is silent; Ctrl+C cancels the token from another thread. The read must end at once,
            // and as a cancellation: ending quietly would pass for the container's output having ended.
            (_, string name) = await StartAsync(new[] { "sh", "-c", "echo ready; exec sleep 300" });
            var output = new RecordingOutput();
            using var stop = new CancellationTokenSource();
            Exception? ended = null;
            var pipeline = new Thread(() =>
            {
                try
                {
                    global::Containers.PowerShell.Hosting.PipelineThreadContext.Run(
                        _ => new GetContainerLogCommand { Follow = true }.ExecuteAsync(Engine, new[] { name }, output, stop.Token));
                }
                catch (Exception e)
                {
                    ended = e;
                }
            });
            pipeline.Start();

            var clock = Stopwatch.StartNew();
            while (output.ObjectsOf<ContainerLogLine>().Count == 0 && clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(20);
            }

            Assert.Equal("ready", Assert.Single(output.ObjectsOf<ContainerLogLine>()).Text);
            await Task.Delay(200); // the pipeline thread is waiting on the engine, with nothing to come
            Assert.True(pipeline.IsAlive, "the followed log ended by itself");
            clock.Restart();
            stop.Cancel();
            bool joined = pipeline.Join(TimeSpan.FromSeconds(10));
            TimeSpan took = clock.Elapsed;

            Assert.True(joined, "the pipeline thread still reads 10 seconds after cancelling");
            Assert.True(took < Promptly.Bound, $"cancelling took {took}"); // the container sleeps 300 s
            Assert.IsAssignableFrom<OperationCanceledException>(ended);
        }

        [Fact]
        public async Task Since_takes_a_duration_and_a_bad_time_is_an_invalid_argument()
        {
            (string id, string name) = await StartAsync(new[] { "echo", "recent" });
            await Client.Containers.WaitAsync(id);
            var output = new RecordingOutput();
            await new GetContainerLogCommand { Since = "10m" }.ExecuteAsync(Engine, new[] { name }, output, default);
            Assert.Equal("recent", Assert.Single(output.ObjectsOf<ContainerLogLine>()).Text);

            var invalid = await Assert.ThrowsAsync<global::Containers.Errors.InvalidParameterException>(
                () => new GetContainerLogCommand { Since = "yesterday-ish" }.ExecuteAsync(Engine, new[] { name }, new RecordingOutput(), default));
            Assert.Equal("Since", invalid.ParamName);
            Assert.Contains("yesterday-ish", invalid.Message);
        }

        [Fact]
        public async Task Following_several_containers_reads_them_together_on_the_pipeline_thread_and_stops_them_all_promptly()
        {
            // Each stream ends only when its container stops: read one after the other, the second would never come.
            (_, string first) = await StartAsync(new[] { "sh", "-c", "i=0; while true; do echo a$i; i=$((i+1)); sleep 0.1; done" });
            (_, string second) = await StartAsync(new[] { "sh", "-c", "echo b-ready; exec sleep 300" });
            var output = new RecordingOutput();
            int pipelineThread = 0;
            using var stop = new CancellationTokenSource();
            Exception? ended = null;
            var pipeline = new Thread(() =>
            {
                try
                {
                    global::Containers.PowerShell.Hosting.PipelineThreadContext.Run(_ =>
                    {
                        pipelineThread = Environment.CurrentManagedThreadId;
                        return new GetContainerLogCommand { Follow = true }.ExecuteAsync(Engine, new[] { first, second }, output, stop.Token);
                    });
                }
                catch (Exception e)
                {
                    ended = e;
                }
            });
            pipeline.Start();

            var clock = Stopwatch.StartNew();
            while (!(Names(output).Contains(first) && Names(output).Contains(second) && output.ObjectsOf<ContainerLogLine>().Count >= 5)
                && clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(20);
            }

            Assert.Contains(output.ObjectsOf<ContainerLogLine>(), line => line.ContainerName == second && line.Text == "b-ready");
            Assert.Contains(output.ObjectsOf<ContainerLogLine>(), line => line.ContainerName == first && line.Text == "a2");
            clock.Restart();
            stop.Cancel();
            Assert.True(pipeline.Join(TimeSpan.FromSeconds(10)), "still reading 10 seconds after cancelling");
            Assert.True(clock.Elapsed < Promptly.Bound, $"cancelling took {clock.Elapsed}");
            Assert.IsAssignableFrom<OperationCanceledException>(ended);
            Assert.All(output.WritingThreads, thread => Assert.Equal(pipelineThread, thread));
        }

        private static List<string> Names(RecordingOutput output) =>
            output.ObjectsOf<ContainerLogLine>().Select(line => line.ContainerName).Distinct().ToList();
    }
}
