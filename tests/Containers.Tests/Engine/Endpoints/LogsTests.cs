using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Containers.Engine.Endpoints;
using Containers.Engine.Streams;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine.Endpoints
{
    /// <summary>Container logs read byte-exact and line-exact, framed and with a TTY, followed and cancelled.</summary>
    public class LogsTests : EngineTest
    {
        private const int LineCount = 150;

        // Interleaves the two streams, with two-, three- and four-byte UTF-8 in every line, and ends each stream
        // without a newline, so frames carry partial lines.
        private const string Script =
            "i=0; while [ $i -lt " + "150" + " ]; do " +
            "echo \"out $i é✓𝄞 $i\"; echo \"err $i ß€😀\" >&2; i=$((i+1)); done; " +
            "printf 'out-end ü'; printf 'err-end ñ' >&2";

        private static string ExpectedStdout()
        {
            var text = new StringBuilder();
            for (int i = 0; i < LineCount; i++)
            {
                text.Append("out ").Append(i).Append(" é✓𝄞 ").Append(i).Append('\n');
            }

            return text.Append("out-end ü").ToString();
        }

        private static string ExpectedStderr()
        {
            var text = new StringBuilder();
            for (int i = 0; i < LineCount; i++)
            {
                text.Append("err ").Append(i).Append(" ß€😀\n");
            }

            return text.Append("err-end ñ").ToString();
        }

        private async Task<string> RunToEndAsync(string[] command, bool tty = false)
        {
            (string id, _) = await CreateAsync(command, tty: tty);
            Task<Containers.Engine.Models.ContainerWaitResponse> exited = await Client.Containers.BeginWaitAsync(id, "next-exit");
            await Client.Containers.StartAsync(id);
            Assert.Equal(0, (await exited).StatusCode);
            return id;
        }

        [Fact]
        public async Task Framed_logs_are_byte_exact_and_line_exact_per_stream_at_every_buffer_size()
        {
            string id = await RunToEndAsync(new[] { "sh", "-c", Script });
            byte[] stdout = Encoding.UTF8.GetBytes(ExpectedStdout());
            byte[] stderr = Encoding.UTF8.GetBytes(ExpectedStderr());
            string[] stdoutLines = ExpectedStdout().Split('\n');
            string[] stderrLines = ExpectedStderr().Split('\n');

            foreach (int bufferSize in new[] { 1, 2, 3, 4, 5, 6, 7, 64 * 1024 })
            {
                using MultiplexedStreamReader logs = await Client.Containers.LogsAsync(id, new ContainerLogsParameters(), tty: false);
                CapturedOutput output = await CapturedOutput.ReadAsync(logs, bufferSize);

                Assert.True(stdout.AsSpan().SequenceEqual(output.Stdout.ToArray()), $"stdout differs at buffer size {bufferSize}");
                Assert.True(stderr.AsSpan().SequenceEqual(output.Stderr.ToArray()), $"stderr differs at buffer size {bufferSize}");
                Assert.Equal(stdoutLines, output.StdoutLines);
                Assert.Equal(stderrLines, output.StderrLines);
                if (bufferSize == 1)
                {
                    Assert.Equal(stdout.Length + stderr.Length, output.Reads);
                }
            }
        }

        [Fact]
        public async Task Choosing_one_stream_leaves_the_other_out()
        {
            string id = await RunToEndAsync(new[] { "sh", "-c", Script });

            using MultiplexedStreamReader logs = await Client.Containers.LogsAsync(id, new ContainerLogsParameters { Stdout = false }, tty: false);
            CapturedOutput output = await CapturedOutput.ReadAsync(logs, 5);

            Assert.Equal(0, output.Stdout.Length);
            Assert.Equal(ExpectedStderr(), Encoding.UTF8.GetString(output.Stderr.ToArray()));
        }

        [Fact]
        public async Task Tty_logs_are_raw_bytes_not_frames()
        {
            string id = await RunToEndAsync(new[] { "sh", "-c", "printf 'first é\\nsecond 𝄞\\n'; printf 'third' >&2" }, tty: true);

            using MultiplexedStreamReader logs = await Client.Containers.LogsAsync(id, new ContainerLogsParameters(), tty: true);
            CapturedOutput output = await CapturedOutput.ReadAsync(logs, 3);

            // The terminal turns \n into \r\n and merges stderr into the one stream.
            Assert.Equal("first é\r\nsecond 𝄞\r\nthird", Encoding.UTF8.GetString(output.Stdout.ToArray()));
            Assert.Equal(0, output.Stderr.Length);
            Assert.Equal(new[] { "first é", "second 𝄞", "third" }, output.StdoutLines);
        }

        [Fact]
        public async Task Tail_returns_only_the_last_lines()
        {
            string id = await RunToEndAsync(new[] { "sh", "-c", "for i in 1 2 3 4 5 6 7 8 9 10; do echo line$i; done" });

            using MultiplexedStreamReader logs = await Client.Containers.LogsAsync(id, new ContainerLogsParameters { Tail = 3 }, tty: false);
            CapturedOutput output = await CapturedOutput.ReadAsync(logs);

            Assert.Equal(new[] { "line8", "line9", "line10" }, output.StdoutLines);

            using MultiplexedStreamReader none = await Client.Containers.LogsAsync(id, new ContainerLogsParameters { Tail = 0 }, tty: false);
            Assert.Empty((await CapturedOutput.ReadAsync(none)).StdoutLines);
        }

        [Fact]
        public async Task Timestamps_prefix_every_line_with_an_rfc3339_time()
        {
            string id = await RunToEndAsync(new[] { "sh", "-c", "echo alpha; echo beta >&2" });

            using MultiplexedStreamReader logs = await Client.Containers.LogsAsync(id, new ContainerLogsParameters { Timestamps = true }, tty: false);
            CapturedOutput output = await CapturedOutput.ReadAsync(logs);

            var stamped = new Regex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z (.*)$");
            Match stdout = stamped.Match(Assert.Single(output.StdoutLines));
            Match stderr = stamped.Match(Assert.Single(output.StderrLines));
            Assert.True(stdout.Success, output.StdoutLines[0]);
            Assert.True(stderr.Success, output.StderrLines[0]);
            Assert.Equal("alpha", stdout.Groups[2].Value);
            Assert.Equal("beta", stderr.Groups[2].Value);
            DateTimeOffset when = DateTimeOffset.Parse(output.StdoutLines[0].Substring(0, output.StdoutLines[0].IndexOf(' ', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(Math.Abs((DateTimeOffset.UtcNow - when).TotalMinutes) < 5, when.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
        }

        [Fact]
        public async Task Following_a_running_container_streams_new_lines_and_cancelling_ends_the_read_within_a_second()
        {
            (string id, _) = await StartAsync(new[] { "sh", "-c", "echo ready; while true; do sleep 1; echo tick; done" });
            using var cancel = new CancellationTokenSource();
            using MultiplexedStreamReader reader = await Client.Containers.LogsAsync(id, new ContainerLogsParameters { Follow = true }, tty: false, cancel.Token);
            var splitter = new LineSplitter();
            var lines = new List<string>();
            var buffer = new byte[4096];

            var limit = Stopwatch.StartNew();
            while (!lines.Contains("ready") && limit.Elapsed < TimeSpan.FromSeconds(20))
            {
                (StdStream which, int count) = await reader.ReadAsync(buffer, 0, buffer.Length, cancel.Token);
                Assert.NotEqual(0, count);
                splitter.Push(which, buffer, 0, count, (_, line) => lines.Add(line));
            }

            Assert.Contains("ready", lines);

            // Nothing is due for up to a second: the read below is waiting on the engine when the token fires.
            // A log stream's reads block the thread that makes them (a blocking connection of its own on a unix socket),
            // so the pending read runs on a thread of its own, as it does on a cmdlet's pipeline thread.
            Task pending = Task.Run(() => ReadUntilEndAsync(reader, buffer, cancel.Token));
            await Task.Delay(100);
            var clock = Stopwatch.StartNew();
            cancel.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
            Assert.True(clock.Elapsed < Promptly.Bound, $"the cancelled read took {clock.Elapsed}");

            // The shared client is unharmed.
            Assert.True((await Client.Containers.InspectAsync(id)).State!.Running);
        }

        [Fact]
        public async Task Cancelling_a_followed_log_of_a_quiet_container_always_ends_in_a_cancellation_never_a_quiet_end()
        {
            // Cancelling closes the connection under the blocked read, which then ends with 0 bytes or with an error,
            // as the race falls: ten rounds make sure that both endings surface as a cancellation, promptly, and that
            // an ending which looks like the end of the log is not taken for one.
            (string id, _) = await StartAsync(new[] { "sh", "-c", "echo ready; exec sleep 300" });
            var buffer = new byte[4096];
            for (int round = 0; round < 10; round++)
            {
                using var cancel = new CancellationTokenSource();
                using MultiplexedStreamReader reader = await Client.Containers.LogsAsync(id, new ContainerLogsParameters { Follow = true }, tty: false, cancel.Token);
                for (int seen = 0; seen < "ready\n".Length;)
                {
                    int count = (await reader.ReadAsync(buffer, 0, buffer.Length, cancel.Token)).Count;
                    Assert.NotEqual(0, count);
                    seen += count;
                }

                // The read blocks the thread that makes it, so it gets one of its own.
                Task pending = Task.Run(() => ReadUntilEndAsync(reader, buffer, cancel.Token));
                await Task.Delay(50);
                Assert.False(pending.IsCompleted, $"round {round}: the followed log ended by itself");
                var clock = Stopwatch.StartNew();
                cancel.Cancel();
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
                Assert.True(clock.Elapsed < Promptly.Bound, $"round {round}: the cancelled read took {clock.Elapsed}"); // the container sleeps 300 s
            }
        }

        private static async Task ReadUntilEndAsync(MultiplexedStreamReader reader, byte[] buffer, CancellationToken cancellationToken)
        {
            while ((await reader.ReadAsync(buffer, 0, buffer.Length, cancellationToken)).Count > 0)
            {
            }
        }

        [Fact]
        public async Task A_followed_log_ends_by_itself_when_the_container_exits()
        {
            (string id, _) = await StartAsync(new[] { "sh", "-c", "echo one; sleep 1; echo two" });

            using MultiplexedStreamReader logs = await Client.Containers.LogsAsync(id, new ContainerLogsParameters { Follow = true }, tty: false);
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            CapturedOutput output = await CapturedOutput.ReadAsync(logs, 4096, limit.Token);

            Assert.Equal(new[] { "one", "two" }, output.StdoutLines);
        }

        [Fact]
        public async Task Logs_of_a_missing_container_are_not_found()
        {
            await Assert.ThrowsAsync<Containers.Engine.Errors.EngineNotFoundException>(
                () => Client.Containers.LogsAsync(PrivateEngine.UniqueName("missing"), new ContainerLogsParameters(), tty: false));
        }

        [Fact]
        public async Task Large_output_arrives_whole()
        {
            // 1 MiB of base64 (76-character lines), well past any single buffer or frame.
            string id = await RunToEndAsync(new[] { "sh", "-c", "head -c 786432 /dev/urandom | base64 | tee /tmp/out; echo; md5sum /tmp/out >&2" });

            using MultiplexedStreamReader logs = await Client.Containers.LogsAsync(id, new ContainerLogsParameters(), tty: false);
            CapturedOutput output = await CapturedOutput.ReadAsync(logs, 7919);

            byte[] stdout = output.Stdout.ToArray();
            byte[] written = stdout.AsSpan(0, stdout.Length - 1).ToArray(); // less the final echo's newline
            string md5 = Convert.ToHexString(System.Security.Cryptography.MD5.HashData(written)).ToLowerInvariant();
            Assert.StartsWith(md5, Assert.Single(output.StderrLines), StringComparison.Ordinal);
            Assert.True(output.StdoutLines.Count > 10000);
            // base64 wraps at 76; the last two lines are its short remainder and the echo's empty line.
            Assert.All(output.StdoutLines.Take(output.StdoutLines.Count - 2), line => Assert.Equal(76, line.Length));
            Assert.Equal(string.Empty, output.StdoutLines[output.StdoutLines.Count - 1]);
        }
    }
}
