using Containers.Commands.Interactive;
using Containers.Output;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Interactive
{
    /// <summary>Where no session can work, Enter-Container says so at once and leaves nothing behind in the engine.</summary>
    public class EnterContainerRefusalTests : InteractiveEngineTest
    {
        public static TheoryData<string, InteractiveHost, string> NonInteractiveHosts => new TheoryData<string, InteractiveHost, string>
        {
            { "a job or Azure Automation", new InteractiveHost { HostName = "Default Host" }, "'Default Host'" },
            { "remoting", new InteractiveHost { HostName = "ServerRemoteHost" }, "'ServerRemoteHost'" },
            { "the ISE", new InteractiveHost { HostName = "Windows PowerShell ISE Host" }, "'Windows PowerShell ISE Host'" },
            { "redirected input", new InteractiveHost { HostName = "ConsoleHost", IsInputRedirected = true }, "input is redirected" },
            { "redirected output", new InteractiveHost { HostName = "ConsoleHost", IsOutputRedirected = true }, "output is redirected" },
            { "-NonInteractive", new InteractiveHost { HostName = "ConsoleHost", NonInteractive = true }, "-NonInteractive" },
            { "a service", new InteractiveHost { HostName = "ConsoleHost", UserInteractive = false }, "interactive session" },
            { "no raw UI", new InteractiveHost { HostName = "ConsoleHost", HasRawUserInterface = false }, "raw console" },
        };

        [Theory]
        [MemberData(nameof(NonInteractiveHosts))]
        public async Task A_host_without_an_interactive_console_is_refused_and_no_exec_is_made(string where, InteractiveHost host, string reason)
        {
            (string id, string name) = await StartAsync(Sleeper);
            foreach (bool attach in new[] { false, true })
            {
                var terminal = new ScriptedTerminal();
                var output = new RecordingOutput();
                // Refused before anything waits for a console (the bound only keeps a hang from stalling the run); that no exec
                // was made is asserted below.
                await new EnterContainerCommand { Attach = attach }.ExecuteAsync(Engine, name, host, terminal, output, default).WaitAsync(TimeSpan.FromSeconds(30));

                CommandError error = Assert.Single(output.Errors);
                Assert.Equal("InteractiveConsoleRequired", error.ErrorId);
                Assert.Equal(ErrorKind.InvalidOperation, error.Kind);
                Assert.True(error.Message.Contains(reason, StringComparison.Ordinal), $"{where}: {error.Message}");
                Assert.Contains("Invoke-ContainerCommand", error.Message);
                Assert.Equal(0, terminal.TimesEntered);
                Assert.Null(output.ExitCode);
            }

            Assert.Empty(await ExecIdsAsync(id));
        }

        [Fact]
        public async Task The_refusal_comes_before_the_engine_is_asked_anything()
        {
            // Not even the container is looked up: a missing one still gets the console error, not ContainerNotFound.
            var output = new RecordingOutput();
            await new EnterContainerCommand().ExecuteAsync(Engine, PrivateEngine.UniqueName("missing"), new InteractiveHost { HostName = "Default Host" }, new ScriptedTerminal(), output, default);
            Assert.Equal("InteractiveConsoleRequired", Assert.Single(output.Errors).ErrorId);
        }

        [Fact]
        public async Task A_stopped_container_is_a_clear_error_and_gets_no_exec()
        {
            (string id, string name) = await CreateAsync(Sleeper);
            foreach (bool attach in new[] { false, true })
            {
                var terminal = new ScriptedTerminal();
                var output = new RecordingOutput();
                await new EnterContainerCommand { Attach = attach }.ExecuteAsync(Engine, name, Console(), terminal, output, default).WaitAsync(TimeSpan.FromSeconds(10));

                CommandError error = Assert.Single(output.Errors);
                Assert.Equal("ContainerNotRunning", error.ErrorId);
                Assert.Equal(ErrorKind.InvalidOperation, error.Kind);
                Assert.Contains($"'{name}' is created", error.Message);
                Assert.Equal("Start it first (Start-Container).", error.RecommendedAction);
                Assert.Equal(0, terminal.TimesEntered);
            }

            Assert.Empty(await ExecIdsAsync(id));
        }

        [Fact]
        public async Task A_paused_container_asks_to_be_resumed()
        {
            (string id, string name) = await StartAsync(Sleeper);
            await Client.Containers.PauseAsync(id);
            var output = new RecordingOutput();
            await new EnterContainerCommand().ExecuteAsync(Engine, name, Console(), new ScriptedTerminal(), output, default);
            CommandError error = Assert.Single(output.Errors);
            Assert.Equal("ContainerNotRunning", error.ErrorId);
            Assert.Contains("paused", error.Message);
            Assert.Equal("Resume it first (Resume-Container).", error.RecommendedAction);
            Assert.Empty(await ExecIdsAsync(id));
        }

        [Fact]
        public async Task A_missing_container_and_bad_detach_keys_are_reported_without_an_exec()
        {
            (string id, string name) = await StartAsync(Sleeper);
            var output = new RecordingOutput();
            await new EnterContainerCommand().ExecuteAsync(Engine, PrivateEngine.UniqueName("missing"), Console(), new ScriptedTerminal(), output, default);
            await new EnterContainerCommand { DetachKeys = "ctrl-1" }.ExecuteAsync(Engine, name, Console(), new ScriptedTerminal(), output, default);
            await new EnterContainerCommand { Command = new[] { "" } }.ExecuteAsync(Engine, name, Console(), new ScriptedTerminal(), output, default);

            Assert.Equal(new[] { "ContainerNotFound", "InvalidDetachKeys", "InvalidCommand" }, output.Errors.Select(e => e.ErrorId));
            Assert.Equal(ErrorKind.InvalidArgument, output.Errors[1].Kind);
            Assert.Contains("'ctrl-1'", output.Errors[1].Message);
            Assert.Empty(await ExecIdsAsync(id));
        }
    }
}
