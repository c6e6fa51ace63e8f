using System.Diagnostics;
using System.Text;
using Containers.Engine.Errors;
using Containers.Engine.Http;
using Containers.Engine.Models;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine.Endpoints
{
    /// <summary>Exec over a hijacked connection: input in, half-close, output out, exit code after.</summary>
    public class ExecTests : EngineTest
    {
        private async Task<ExecInspect> WaitForExitAsync(string execId)
        {
            var clock = Stopwatch.StartNew();
            while (true)
            {
                ExecInspect inspect = await Client.Exec.InspectAsync(execId);
                if (!inspect.Running || clock.Elapsed > TimeSpan.FromSeconds(10))
                {
                    return inspect;
                }

                await Task.Delay(50);
            }
        }

        [Fact]
        public async Task Cat_returns_its_input_after_stdin_is_half_closed_and_exits_0()
        {
            (string id, _) = await StartAsync(Sleeper);
            ExecCreateResponse exec = await Client.Exec.CreateAsync(id, new ExecCreateRequest
            {
                AttachStdin = true,
                AttachStdout = true,
                AttachStderr = true,
                Cmd = new List<string> { "cat" },
            });

            // Big enough that writing and reading must overlap, with multi-byte characters across every boundary.
            var text = new StringBuilder();
            for (int i = 0; text.Length < 300_000; i++)
            {
                text.Append("line ").Append(i).Append(" é✓𝄞\n");
            }

            byte[] input = Encoding.UTF8.GetBytes(text.ToString());
            using HijackedStream stream = await Client.Exec.StartAttachedAsync(exec.Id, tty: false);
            Task<CapturedOutput> reading = CapturedOutput.ReadAsync(stream, tty: false, 1000);
            for (int offset = 0; offset < input.Length; offset += 8191)
            {
                await stream.WriteAsync(input, offset, Math.Min(8191, input.Length - offset));
            }

            await stream.CloseWriteAsync();
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            CapturedOutput output = await reading.WaitAsync(limit.Token);

            Assert.True(input.AsSpan().SequenceEqual(output.Stdout.ToArray()), $"cat returned {output.Stdout.Length} bytes for {input.Length}");
            Assert.Equal(0, output.Stderr.Length);
            ExecInspect inspect = await WaitForExitAsync(exec.Id);
            Assert.False(inspect.Running);
            Assert.Equal(0, inspect.ExitCode);
        }

        [Fact]
        public async Task An_exec_that_exits_7_reports_7_and_its_output_on_the_right_streams()
        {
            (string id, _) = await StartAsync(Sleeper);
            ExecCreateResponse exec = await Client.Exec.CreateAsync(id, new ExecCreateRequest
            {
                AttachStdout = true,
                AttachStderr = true,
                Cmd = new List<string> { "sh", "-c", "echo to-out; echo to-err >&2; exit 7" },
            });

            using HijackedStream stream = await Client.Exec.StartAttachedAsync(exec.Id, tty: false);
            CapturedOutput output = await CapturedOutput.ReadAsync(stream, tty: false);

            Assert.Equal(new[] { "to-out" }, output.StdoutLines);
            Assert.Equal(new[] { "to-err" }, output.StderrLines);
            Assert.Equal(7, (await WaitForExitAsync(exec.Id)).ExitCode);
        }

        [Fact]
        public async Task Output_that_arrives_together_with_the_upgrade_headers_is_not_lost()
        {
            (string id, _) = await StartAsync(Sleeper);

            // The first bytes of a fast command often share a packet with the 101 response; run it often enough to hit that.
            for (int i = 0; i < 15; i++)
            {
                ExecCreateResponse exec = await Client.Exec.CreateAsync(id, new ExecCreateRequest
                {
                    AttachStdout = true,
                    AttachStderr = true,
                    Cmd = new List<string> { "echo", "quick-" + i },
                });
                using HijackedStream stream = await Client.Exec.StartAttachedAsync(exec.Id, tty: false);
                CapturedOutput output = await CapturedOutput.ReadAsync(stream, tty: false);
                Assert.Equal(new[] { "quick-" + i }, output.StdoutLines);
            }
        }

        [Fact]
        public async Task A_tty_exec_gives_raw_output()
        {
            (string id, _) = await StartAsync(Sleeper);
            ExecCreateResponse exec = await Client.Exec.CreateAsync(id, new ExecCreateRequest
            {
                AttachStdout = true,
                AttachStderr = true,
                Tty = true,
                Cmd = new List<string> { "sh", "-c", "echo tty-out; echo tty-err >&2" },
            });

            using HijackedStream stream = await Client.Exec.StartAttachedAsync(exec.Id, tty: true);
            CapturedOutput output = await CapturedOutput.ReadAsync(stream, tty: true);

            Assert.Equal("tty-out\r\ntty-err\r\n", Encoding.UTF8.GetString(output.Stdout.ToArray()));
            Assert.Equal(0, (await WaitForExitAsync(exec.Id)).ExitCode);
        }

        [Fact]
        public async Task A_detached_exec_runs_and_its_exit_code_is_inspectable()
        {
            (string id, _) = await StartAsync(Sleeper);
            ExecCreateResponse exec = await Client.Exec.CreateAsync(id, new ExecCreateRequest { Cmd = new List<string> { "sh", "-c", "exit 3" } });

            await Client.Exec.StartDetachedAsync(exec.Id);

            ExecInspect inspect = await WaitForExitAsync(exec.Id);
            Assert.Equal(3, inspect.ExitCode);
            Assert.Equal(id, inspect.ContainerID);
        }

        [Fact]
        public async Task Exec_in_a_container_that_is_not_running_is_a_conflict()
        {
            (string id, _) = await CreateAsync(Sleeper);

            var error = await Assert.ThrowsAsync<EngineConflictException>(() => Client.Exec.CreateAsync(id, new ExecCreateRequest
            {
                AttachStdout = true,
                Cmd = new List<string> { "true" },
            }));

            Assert.Contains("not running", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Exec_in_a_missing_container_is_not_found_about_the_container()
        {
            var error = await Assert.ThrowsAsync<EngineNotFoundException>(() => Client.Exec.CreateAsync(
                PrivateEngine.UniqueName("missing"),
                new ExecCreateRequest { Cmd = new List<string> { "true" } }));

            Assert.Equal(EngineResourceKind.Container, error.ResourceKind);
        }
    }
}
