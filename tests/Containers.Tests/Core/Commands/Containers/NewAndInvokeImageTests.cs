using System.Diagnostics;
using System.Text.Json.Nodes;
using Containers.Commands.Containers;
using Containers.Engine.Endpoints;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Containers
{
    public class NewAndInvokeImageTests : EngineTest
    {
        private ContainerCreateRequest Request(params string[] command) => new ContainerCreateRequest { Image = Image, Cmd = command.ToList() };

        private async Task<bool> ExistsAsync(string name) =>
            (await Client.Containers.ListAsync(new ContainerListParameters { All = true })).Any(c => c.Names!.Contains("/" + name));

        [Fact]
        public async Task New_creates_the_container_and_returns_it_with_its_overrides_applied()
        {
            string name = PrivateEngine.UniqueName("new");
            var overrides = JsonNode.Parse("{\"hostconfig\": {\"CapAdd\": [\"NET_ADMIN\"]}, \"Labels\": {\"raw\": \"yes\"}}")!.AsObject();
            var output = new RecordingOutput();
            Container? container = await new NewContainerCommand(Request("true"), name, overrides).ExecuteAsync(Engine, output, default);
            Assert.NotNull(container);
            Track(container!.Id);
            Assert.Equal(name, container.Name);
            Assert.Equal("created", container.State);
            Assert.Same(container, Assert.Single(output.Objects));

            ContainerInspect inspect = await Client.Containers.InspectAsync(name);
            Assert.Equal(new[] { "NET_ADMIN" }, inspect.HostConfig!.CapAdd);
            Assert.Equal("yes", inspect.Config!.Labels!["raw"]);
        }

        [Fact]
        public async Task New_with_WhatIf_creates_nothing_and_a_missing_image_is_ImageNotFound()
        {
            string name = PrivateEngine.UniqueName("whatif");
            var output = new RecordingOutput { Approve = false };
            Assert.Null(await new NewContainerCommand(Request("true"), name, null).ExecuteAsync(Engine, output, default));
            Assert.False(await ExistsAsync(name));

            var missing = new ContainerCreateRequest { Image = "localhost/containers-test/missing:1" };
            var failure = await Assert.ThrowsAsync<EngineNotFoundException>(() => new NewContainerCommand(missing, name, null).ExecuteAsync(Engine, new RecordingOutput(), default));
            Assert.Equal(EngineResourceKind.Image, failure.ResourceKind);
            Assert.Equal("ImageNotFound", global::Containers.Errors.ErrorClassifier.Classify(failure, null).ErrorId);
            Assert.False(await ExistsAsync(name));
        }

        [Fact]
        public async Task A_duplicate_name_is_ResourceExists()
        {
            (_, string name) = await CreateAsync(new[] { "true" });
            var failure = await Assert.ThrowsAsync<EngineConflictException>(() => new NewContainerCommand(Request("true"), name, null).ExecuteAsync(Engine, new RecordingOutput(), default));
            CommandError error = global::Containers.Errors.ErrorClassifier.Classify(failure, name);
            Assert.Equal("ContainerNameInUse", error.ErrorId);
            Assert.Equal(ErrorKind.ResourceExists, error.Kind);
        }

        [Fact]
        public async Task Run_attached_streams_output_like_a_native_command_and_removes_with_Remove()
        {
            string name = PrivateEngine.UniqueName("run");
            var output = new RecordingOutput();
            var run = new InvokeContainerImageCommand(new NewContainerCommand(Request("sh", "-c", "echo first; echo warn >&2; echo second; exit 3"), name, null)) { Remove = true };
            await run.ExecuteAsync(Engine, output, default);
            Assert.Equal(new object[] { "first", "second" }, output.Objects);
            Assert.Equal(new[] { ("ContainerStandardError", "warn"), ("ContainerExitedWithError", $"The container '{name}' exited with code 3.") },
                output.Errors.Select(error => (error.ErrorId, error.Message)));
            Assert.Equal((object)name, output.Errors[1].Target);
            Assert.Equal(3, Assert.IsType<global::Containers.Errors.ProcessExitException>(output.Errors[1].Exception).ExitCode);
            Assert.Equal(3, output.ExitCode);
            Assert.False(await ExistsAsync(name));
        }

        [Fact]
        public async Task Run_with_PassThru_and_a_non_zero_exit_returns_the_result_and_reports_the_exit()
        {
            string name = PrivateEngine.UniqueName("runfail");
            var output = new RecordingOutput();
            await new InvokeContainerImageCommand(new NewContainerCommand(Request("sh", "-c", "echo out; exit 4"), name, null)) { PassThru = true, Remove = true }
                .ExecuteAsync(Engine, output, default);
            ContainerCommandResult result = Assert.Single(output.ObjectsOf<ContainerCommandResult>());
            Assert.Equal(4, result.ExitCode);
            Assert.Equal(new[] { "out" }, result.Output);
            CommandError exit = Assert.Single(output.Errors);
            Assert.Equal(("ContainerExitedWithError", ErrorKind.NotSpecified), (exit.ErrorId, exit.Kind));
            Assert.Equal(4, output.ExitCode);
            Assert.False(await ExistsAsync(name));
        }

        [Fact]
        public async Task Run_with_PassThru_returns_one_result_and_keeps_the_container_without_Remove()
        {
            string name = PrivateEngine.UniqueName("runpass");
            var output = new RecordingOutput();
            await new InvokeContainerImageCommand(new NewContainerCommand(Request("sh", "-c", "echo out; echo err >&2"), name, null)) { PassThru = true }
                .ExecuteAsync(Engine, output, default);
            ContainerCommandResult result = Assert.Single(output.ObjectsOf<ContainerCommandResult>());
            Assert.Equal(new[] { "out" }, result.Output);
            Assert.Equal(new[] { "err" }, result.Error);
            Assert.Equal(0, result.ExitCode);
            ContainerInspect kept = await Client.Containers.InspectAsync(name);
            Track(kept.Id);
            Assert.Equal("exited", kept.State!.Status);
        }

        [Fact]
        public async Task Run_with_a_tty_reads_raw_output()
        {
            string name = PrivateEngine.UniqueName("runtty");
            ContainerCreateRequest request = Request("sh", "-c", "echo from-tty");
            request.Tty = true;
            var output = new RecordingOutput();
            await new InvokeContainerImageCommand(new NewContainerCommand(request, name, null)) { Remove = true }.ExecuteAsync(Engine, output, default);
            Assert.Equal(new object[] { "from-tty" }, output.Objects);
            Assert.Equal(0, output.ExitCode);
        }

        [Fact]
        public async Task Input_text_reaches_standard_input_which_then_ends()
        {
            var output = new RecordingOutput();
            await new InvokeContainerImageCommand(new NewContainerCommand(Request("sh", "-c", "cat; echo done"), null, null)) { Remove = true, Input = "one\ntwo\n" }
                .ExecuteAsync(Engine, output, default);
            Assert.Equal(new object[] { "one", "two", "done" }, output.Objects);
            Assert.Equal(0, output.ExitCode);
        }

        [Fact]
        public async Task Input_text_reaches_a_tty_process_and_ends_it_too()
        {
            ContainerCreateRequest request = Request("sh", "-c", "read line; echo got-$line");
            request.Tty = true;
            var output = new RecordingOutput();
            var run = new InvokeContainerImageCommand(new NewContainerCommand(request, null, null)) { Remove = true, Input = "abc\n" };
            Task running = run.ExecuteAsync(Engine, output, default);
            Assert.Same(running, await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(20))));
            await running;
            Assert.Contains("got-abc", output.Objects.Cast<string>());
        }

        [Fact]
        public async Task An_interactive_run_without_input_gets_end_of_input_instead_of_hanging()
        {
            ContainerCreateRequest request = Request("sh", "-c", "cat; echo after-eof");
            request.OpenStdin = request.StdinOnce = request.AttachStdin = true; // what -Interactive sets
            var output = new RecordingOutput();
            Task running = new InvokeContainerImageCommand(new NewContainerCommand(request, null, null)) { Remove = true }.ExecuteAsync(Engine, output, default);
            Assert.Same(running, await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(20))));
            await running;
            Assert.Equal(new object[] { "after-eof" }, output.Objects);
        }

        [Fact]
        public async Task Input_for_a_process_that_does_not_read_it_is_not_an_error()
        {
            var output = new RecordingOutput();
            await new InvokeContainerImageCommand(new NewContainerCommand(Request("true"), null, null)) { Remove = true, Input = new string('x', 1_000_000) }
                .ExecuteAsync(Engine, output, default);
            Assert.Empty(output.Errors);
            Assert.Equal(0, output.ExitCode);
        }

        [Fact]
        public async Task Input_with_Detach_is_refused_before_anything_is_created()
        {
            string name = PrivateEngine.UniqueName("detach-input");
            var refused = await Assert.ThrowsAsync<global::Containers.Errors.InvalidParameterException>(
                () => new InvokeContainerImageCommand(new NewContainerCommand(Request("cat"), name, null)) { Detach = true, Input = "x" }.ExecuteAsync(Engine, new RecordingOutput(), default));
            Assert.Equal("InputText", refused.ParamName);
            Assert.False(await ExistsAsync(name));
        }

        [Fact]
        public async Task Run_detached_returns_the_running_container()
        {
            string name = PrivateEngine.UniqueName("detached");
            var output = new RecordingOutput();
            await new InvokeContainerImageCommand(new NewContainerCommand(Request("sleep", "300"), name, null)) { Detach = true }.ExecuteAsync(Engine, output, default);
            Container container = Assert.Single(output.ObjectsOf<Container>());
            Track(container.Id);
            Assert.Equal("running", container.State);
        }

        [Fact]
        public async Task A_run_whose_start_fails_leaves_no_container_behind()
        {
            string name = PrivateEngine.UniqueName("nostart");
            var run = new InvokeContainerImageCommand(new NewContainerCommand(Request("/no/such/program"), name, null));
            await Assert.ThrowsAnyAsync<EngineException>(() => run.ExecuteAsync(Engine, new RecordingOutput(), default));
            Assert.False(await ExistsAsync(name));
        }

        [Fact]
        public async Task Cancelling_an_attached_run_stops_promptly_and_removes_the_container_with_Remove()
        {
            string name = PrivateEngine.UniqueName("cancel");
            var output = new RecordingOutput();
            using var stop = new CancellationTokenSource();
            var run = new InvokeContainerImageCommand(new NewContainerCommand(Request("sh", "-c", "echo ready; sleep 300"), name, null)) { Remove = true };
            Task running = run.ExecuteAsync(Engine, output, stop.Token);
            var clock = Stopwatch.StartNew();
            while (output.Objects.Count == 0 && clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(20);
            }

            Assert.Equal("ready", Assert.Single(output.Objects));
            stop.Cancel();
            clock.Restart();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"cancelling took {clock.Elapsed}");
            Assert.False(await ExistsAsync(name));
        }
    }
}
