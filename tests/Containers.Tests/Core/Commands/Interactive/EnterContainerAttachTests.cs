using Containers.Commands.Interactive;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Interactive
{
    /// <summary>-Attach: the console joined to the main process of a container started with a terminal and sh.</summary>
    public class EnterContainerAttachTests : InteractiveEngineTest
    {
        [Fact]
        public async Task Ctrl_P_Ctrl_Q_detaches_and_the_container_keeps_running()
        {
            (string id, string name) = await StartInteractiveShellAsync();
            var terminal = new ScriptedTerminal();
            var output = new RecordingOutput();
            using CancellationTokenSource limit = TimeLimit();

            Task session = new EnterContainerCommand { Attach = true, PassThru = true }.ExecuteAsync(Engine, name, Console(), terminal, output, limit.Token);
            await terminal.TypeUntilAsync("echo at''tached\r", "\nattached\r\n");
            terminal.Type("\x10\x11");
            await session.WaitAsync(limit.Token);

            ContainerSessionResult result = Assert.Single(output.ObjectsOf<ContainerSessionResult>());
            Assert.Equal("Attach", result.Mode);
            Assert.True(result.Detached);
            Assert.Null(result.ExitCode);
            ContainerInspect inspect = await Client.Containers.InspectAsync(id);
            Assert.True(inspect.State!.Running, "the container goes on running after a detach");
            Assert.Empty(await ExecIdsAsync(id));
            Assert.Equal(1, terminal.TimesRestored);
            Assert.False(terminal.IsRaw);
        }

        [Fact]
        public async Task Exiting_the_main_process_gives_its_exit_code()
        {
            (string id, string name) = await StartInteractiveShellAsync();
            var terminal = new ScriptedTerminal(90, 20);
            var output = new RecordingOutput();
            using CancellationTokenSource limit = TimeLimit();

            Task session = new EnterContainerCommand { Attach = true }.ExecuteAsync(Engine, name, Console(), terminal, output, limit.Token);
            await terminal.TypeUntilAsync("stty size\r", "20 90");
            terminal.Type("exit 4\r");
            await session.WaitAsync(limit.Token);

            Assert.Equal(4, output.ExitCode);
            Assert.Empty(output.Objects);
            Assert.False((await Client.Containers.InspectAsync(id)).State!.Running);
            Assert.Equal(1, terminal.TimesRestored);
        }

        [Fact]
        public async Task A_container_without_a_terminal_has_its_frames_unpacked()
        {
            string name = PrivateEngine.UniqueName("attach-plain");
            ContainerCreateResponse created = await Client.Containers.CreateAsync(name, new ContainerCreateRequest
            {
                Image = Image,
                Cmd = new System.Collections.Generic.List<string> { "sh", "-c", "while read line; do echo \"got $line\"; echo \"err $line\" >&2; done" },
                OpenStdin = true,
                AttachStdin = true,
            });
            Track(created.Id);
            await Client.Containers.StartAsync(created.Id);
            var terminal = new ScriptedTerminal();
            var output = new RecordingOutput();
            using CancellationTokenSource limit = TimeLimit();

            Task session = new EnterContainerCommand { Attach = true }.ExecuteAsync(Engine, name, Console(), terminal, output, limit.Token);
            await terminal.TypeUntilAsync("one\n", "got one\nerr one\n");
            terminal.Type("\x10\x11");
            await session.WaitAsync(limit.Token);

            Assert.True((await Client.Containers.InspectAsync(created.Id)).State!.Running);
            Assert.Equal(1, terminal.TimesRestored);
        }

        [Fact]
        public async Task Without_open_input_a_warning_says_so_and_the_detach_keys_still_end_the_session()
        {
            (string id, string name) = await StartAsync(Sleeper);
            var terminal = new ScriptedTerminal();
            var output = new RecordingOutput();
            using CancellationTokenSource limit = TimeLimit();

            Task session = new EnterContainerCommand { Attach = true, PassThru = true }.ExecuteAsync(Engine, name, Console(), terminal, output, limit.Token);
            terminal.Type("\x10\x11");
            await session.WaitAsync(limit.Token);

            Assert.Contains("not created with its input open", Assert.Single(output.Warnings));
            Assert.True(Assert.Single(output.ObjectsOf<ContainerSessionResult>()).Detached);
            Assert.True((await Client.Containers.InspectAsync(id)).State!.Running);
            Assert.Equal(1, terminal.TimesRestored);
        }

        [Fact]
        public async Task Exec_options_are_refused_with_Attach_before_anything_is_done()
        {
            (string id, string name) = await StartInteractiveShellAsync();
            var terminal = new ScriptedTerminal();
            var output = new RecordingOutput();

            await new EnterContainerCommand { Attach = true, User = "nobody" }.ExecuteAsync(Engine, name, Console(), terminal, output, default);

            CommandError error = Assert.Single(output.Errors);
            Assert.Equal("InvalidUser", error.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
            Assert.Contains("-Attach", error.Message);
            Assert.Equal(0, terminal.TimesEntered);
            Assert.Empty(await ExecIdsAsync(id));
        }
    }
}
