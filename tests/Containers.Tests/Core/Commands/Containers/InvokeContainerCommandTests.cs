using Containers.Commands.Containers;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Containers
{
    public class InvokeContainerCommandTests : EngineTest
    {
        [Fact]
        public async Task Output_goes_to_the_pipeline_errors_to_the_error_stream_and_the_exit_code_is_kept()
        {
            (_, string name) = await StartAsync(Sleeper);
            var output = new RecordingOutput();
            await new InvokeContainerCommandCommand(new[] { "sh", "-c", "echo out1; echo err1 >&2; echo out2; exit 5" })
                .ExecuteAsync(Engine, new[] { name }, output, default);
            Assert.Equal(new object[] { "out1", "out2" }, output.Objects);
            Assert.Equal(2, output.Errors.Count);
            CommandError error = output.Errors[0];
            Assert.Equal("err1", error.Message);
            Assert.Equal(ErrorKind.FromStdErr, error.Kind);
            Assert.Equal(5, output.ExitCode);

            // The non-zero exit is itself an error, after the output, so a script sees the failure.
            CommandError exit = output.Errors[1];
            Assert.Equal(("CommandExitedWithError", ErrorKind.NotSpecified, (object)name), (exit.ErrorId, exit.Kind, exit.Target));
            Assert.Equal($"The command 'sh -c echo out1; echo err1 >&2; echo out2; exit 5' in container '{name}' exited with code 5.", exit.Message);
            Assert.Equal(5, Assert.IsType<global::Containers.Errors.ProcessExitException>(exit.Exception).ExitCode);
        }

        [Fact]
        public async Task PassThru_with_a_non_zero_exit_returns_the_result_and_still_reports_the_failure()
        {
            (_, string name) = await StartAsync(Sleeper);
            var output = new RecordingOutput();
            await new InvokeContainerCommandCommand(new[] { "sh", "-c", "echo partial; echo broken >&2; exit 7" }) { PassThru = true }
                .ExecuteAsync(Engine, new[] { name }, output, default);

            ContainerCommandResult result = Assert.Single(output.ObjectsOf<ContainerCommandResult>());
            Assert.Equal((7, false), (result.ExitCode, result.Succeeded));
            Assert.Equal(new[] { "partial" }, result.Output);
            Assert.Equal(new[] { "broken" }, result.Error);
            Assert.Equal(7, output.ExitCode);
            // Standard error is in the result only; the one error is the exit.
            CommandError exit = Assert.Single(output.Errors);
            Assert.Equal(("CommandExitedWithError", (object)name), (exit.ErrorId, exit.Target));
            Assert.Equal(7, Assert.IsType<global::Containers.Errors.ProcessExitException>(exit.Exception).ExitCode);
        }

        [Fact]
        public async Task A_zero_exit_is_no_error()
        {
            (_, string name) = await StartAsync(Sleeper);
            var output = new RecordingOutput();
            await new InvokeContainerCommandCommand(new[] { "sh", "-c", "echo fine" }).ExecuteAsync(Engine, new[] { name }, output, default);
            Assert.Equal(new object[] { "fine" }, output.Objects);
            Assert.Empty(output.Errors);
            Assert.Equal(0, output.ExitCode);
        }

        [Fact]
        public async Task PassThru_returns_one_result_and_input_reaches_standard_input()
        {
            (_, string name) = await StartAsync(Sleeper);
            var output = new RecordingOutput();
            await new InvokeContainerCommandCommand(new[] { "sh", "-c", "cat; echo done >&2" })
            {
                Input = "first\nsecond\n",
                PassThru = true,
                Environment = new[] { "GREETING=hello" },
            }.ExecuteAsync(Engine, new[] { name }, output, default);
            ContainerCommandResult result = Assert.Single(output.ObjectsOf<ContainerCommandResult>());
            Assert.Equal(new[] { "first", "second" }, result.Output);
            Assert.Equal(new[] { "done" }, result.Error);
            Assert.Equal(0, result.ExitCode);
            Assert.Empty(output.Errors);

            output = new RecordingOutput();
            await new InvokeContainerCommandCommand(new[] { "sh", "-c", "echo $GREETING; pwd; id -u" })
            {
                Environment = new[] { "GREETING=hello" },
                WorkingDirectory = "/tmp",
                User = "65534",
            }.ExecuteAsync(Engine, new[] { name }, output, default);
            Assert.Equal(new object[] { "hello", "/tmp", "65534" }, output.Objects);
        }

        [Theory]
        [InlineData(null, "/no/such/dir", "true", "/no/such/dir", "InvalidArgument")]
        [InlineData(null, "relative", "true", "'relative'", "InvalidArgument")]
        [InlineData("nosuchuser", null, "true", "'nosuchuser'", "InvalidArgument")]
        [InlineData(null, null, "/no/such/program", "'/no/such/program'", "ObjectNotFound")]
        public async Task An_exec_the_runtime_cannot_start_is_CommandNotStarted_naming_the_value(string? user, string? folder, string program, string named, string kind)
        {
            (_, string name) = await StartAsync(Sleeper);
            var output = new RecordingOutput();
            await new InvokeContainerCommandCommand(new[] { program }) { User = user, WorkingDirectory = folder }.ExecuteAsync(Engine, new[] { name }, output, default);
            Assert.Empty(output.Objects);
            CommandError error = Assert.Single(output.Errors);
            Assert.Equal(("CommandNotStarted", kind), (error.ErrorId, error.Kind.ToString()));
            Assert.Contains(named, error.Message, System.StringComparison.Ordinal);
            Assert.Contains("could not start", error.Message, System.StringComparison.Ordinal);
            Assert.True(output.ExitCode == 126 || output.ExitCode == 127, $"exit code {output.ExitCode}");
        }

        [Fact]
        public async Task A_command_that_prints_what_the_runtime_would_and_exits_otherwise_is_output()
        {
            (_, string name) = await StartAsync(Sleeper);
            var output = new RecordingOutput();
            await new InvokeContainerCommandCommand(new[] { "sh", "-c", "echo 'OCI runtime exec failed: not really'; exit 3" }).ExecuteAsync(Engine, new[] { name }, output, default);
            Assert.Equal(new object[] { "OCI runtime exec failed: not really" }, output.Objects);
            Assert.Equal("CommandExitedWithError", Assert.Single(output.Errors).ErrorId);
        }

        [Fact]
        public async Task A_stopped_container_and_a_missing_one_are_reported_per_container()
        {
            (_, string stopped) = await CreateAsync(Sleeper);
            string missing = PrivateEngine.UniqueName("missing");
            var output = new RecordingOutput();
            await new InvokeContainerCommandCommand(new[] { "true" }).ExecuteAsync(Engine, new[] { stopped, missing }, output, default);
            Assert.Equal(new[] { "ContainerConflict", "ContainerNotFound" }, output.Errors.Select(e => e.ErrorId));
            CommandError notRunning = output.Errors[0];
            Assert.Equal(ErrorKind.InvalidOperation, notRunning.Kind);
            Assert.Contains("is not running", notRunning.Message);
            Assert.Equal("Start the container first.", notRunning.RecommendedAction);
            Assert.Null(output.ExitCode);
        }

        [Fact]
        public void An_empty_command_is_refused()
        {
            var invalid = Assert.Throws<global::Containers.Errors.InvalidParameterException>(() => new InvokeContainerCommandCommand(new string[0]));
            Assert.Equal("Command", invalid.ParamName);
        }
    }
}
