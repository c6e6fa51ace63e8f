using System.Diagnostics;
using Containers.Commands.Interactive;
using Containers.Models;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Interactive
{
    /// <summary>Real exec sessions against the private engine, typed by a scripted terminal.</summary>
    public class EnterContainerExecTests : InteractiveEngineTest
    {
        [Fact]
        public async Task A_shell_session_shows_its_output_and_keeps_the_exit_code()
        {
            (_, string name) = await StartAsync(Sleeper);
            var terminal = new ScriptedTerminal();
            var output = new RecordingOutput();
            using CancellationTokenSource limit = TimeLimit();

            Task session = new EnterContainerCommand { PassThru = true }.ExecuteAsync(Engine, name, Console(), terminal, output, limit.Token);
            await terminal.WaitForOutputAsync("# ");
            Assert.True(terminal.IsRaw);
            terminal.Type("echo h''i; exit 3\r");
            await session.WaitAsync(limit.Token);

            Assert.Contains("\nhi\r\n", terminal.Output);
            Assert.Equal(3, output.ExitCode);
            ContainerSessionResult result = Assert.Single(output.ObjectsOf<ContainerSessionResult>());
            Assert.Equal(name, result.ContainerName);
            Assert.Equal("Exec", result.Mode);
            Assert.Equal(3, result.ExitCode);
            Assert.False(result.Detached);
            Assert.Empty(output.Errors);
            Assert.Equal(1, terminal.TimesEntered);
            Assert.Equal(1, terminal.TimesRestored);
            Assert.False(terminal.IsRaw);
        }

        [Fact]
        public async Task The_terminal_size_reaches_the_process_at_the_start_and_on_every_change()
        {
            (_, string name) = await StartAsync(Sleeper);
            var terminal = new ScriptedTerminal(100, 30);
            var output = new RecordingOutput();
            using CancellationTokenSource limit = TimeLimit();

            Task session = new EnterContainerCommand().ExecuteAsync(Engine, name, Console(), terminal, output, limit.Token);
            await terminal.WaitForOutputAsync("# ");
            await terminal.TypeUntilAsync("stty size\r", "30 100");

            // POST /exec/{id}/resize: the shell's terminal takes the new size.
            terminal.Resize(132, 43);
            await terminal.TypeUntilAsync("stty size\r", "43 132");

            terminal.Type("exit\r");
            await session.WaitAsync(limit.Token);
            Assert.Equal(0, output.ExitCode);
            Assert.Equal(1, terminal.TimesRestored);
        }

        [Fact]
        public async Task Command_user_directory_and_environment_shape_the_process()
        {
            (_, string name) = await StartAsync(Sleeper);
            var terminal = new ScriptedTerminal();
            var output = new RecordingOutput();
            using CancellationTokenSource limit = TimeLimit();

            await new EnterContainerCommand
            {
                Command = new[] { "sh", "-c", "echo \"[$GREETING $(pwd) $(id -u) $TERM]\"; exit 7" },
                User = "65534",
                WorkingDirectory = "/tmp",
                Environment = new[] { "GREETING=hello" },
            }.ExecuteAsync(Engine, name, Console(), terminal, output, limit.Token).WaitAsync(limit.Token);

            Assert.Contains("[hello /tmp 65534 xterm]", terminal.Output);
            Assert.Equal(7, output.ExitCode);
        }

        [Fact]
        public async Task Stopping_the_command_restores_the_terminal_at_once()
        {
            (_, string name) = await StartAsync(Sleeper);
            var terminal = new ScriptedTerminal();
            var output = new RecordingOutput();
            using var stop = new CancellationTokenSource();

            Task session = new EnterContainerCommand().ExecuteAsync(Engine, name, Console(), terminal, output, stop.Token);
            await terminal.WaitForOutputAsync("# ");
            var clock = Stopwatch.StartNew();
            stop.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.True(clock.Elapsed < Promptly.Bound, $"ended {clock.Elapsed} after the stop"); // the shell would go on
            Assert.Equal(1, terminal.TimesRestored);
            Assert.False(terminal.IsRaw);
            Assert.Null(output.ExitCode);
        }

        [Fact]
        public async Task The_detach_keys_end_the_session_and_leave_the_container_running()
        {
            (string id, string name) = await StartAsync(Sleeper);
            var terminal = new ScriptedTerminal();
            var output = new RecordingOutput();
            using CancellationTokenSource limit = TimeLimit();

            Task session = new EnterContainerCommand { DetachKeys = "ctrl-a,d", PassThru = true }.ExecuteAsync(Engine, name, Console(), terminal, output, limit.Token);
            await terminal.WaitForOutputAsync("# ");
            var clock = Stopwatch.StartNew();
            terminal.Type("\u0001d"); // Ctrl+A, d
            await session.WaitAsync(limit.Token);

            // The engine closes an exec's input when its client detaches (the shell then usually exits, as with docker exec).
            Assert.True(clock.Elapsed < Promptly.Bound, $"ended {clock.Elapsed} after the keys");
            ContainerSessionResult result = Assert.Single(output.ObjectsOf<ContainerSessionResult>());
            Assert.True(result.Detached);
            Assert.Null(result.ExitCode);
            Assert.Equal(0, output.ExitCode);
            Assert.True((await Client.Containers.InspectAsync(id)).State!.Running);
            Assert.Equal(1, terminal.TimesRestored);
        }

        [Fact]
        public async Task The_end_of_the_terminal_input_ends_the_shell()
        {
            (_, string name) = await StartAsync(Sleeper);
            var terminal = new ScriptedTerminal();
            var output = new RecordingOutput();
            using CancellationTokenSource limit = TimeLimit();

            Task session = new EnterContainerCommand().ExecuteAsync(Engine, name, Console(), terminal, output, limit.Token);
            await terminal.WaitForOutputAsync("# ");
            terminal.EndInput(); // sends Ctrl+D, as a terminal's end of input
            await session.WaitAsync(limit.Token);
            Assert.Equal(0, output.ExitCode);
        }
    }
}
