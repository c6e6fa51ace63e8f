using Containers.Commands.Containers;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Containers
{
    public class ContainerLifecycleTests : EngineTest
    {
        private async Task<string> StateOf(string id) => (await Client.Containers.InspectAsync(id)).State!.Status!;

        [Fact]
        public async Task Start_stop_suspend_resume_and_restart_change_the_state_and_PassThru_returns_it()
        {
            (string id, string name) = await CreateAsync(Sleeper);

            var output = new RecordingOutput();
            await new StartContainerCommand { PassThru = true }.ExecuteAsync(Engine, new[] { name }, output, default);
            Assert.Equal("running", Assert.Single(output.ObjectsOf<Container>()).State);
            Assert.Equal(("container '" + name + "' on test-engine", "Start"), Assert.Single(output.Asked));

            output = new RecordingOutput();
            await new SuspendContainerCommand { PassThru = true }.ExecuteAsync(Engine, new[] { id }, output, default);
            Assert.Equal("paused", Assert.Single(output.ObjectsOf<Container>()).State);

            output = new RecordingOutput();
            await new ResumeContainerCommand().ExecuteAsync(Engine, new[] { id }, output, default);
            Assert.Empty(output.Objects);
            Assert.Equal("running", await StateOf(id));

            var restart = new RestartContainerCommand { Timeout = 0 };
            await restart.ExecuteAsync(Engine, new[] { name }, new RecordingOutput(), default);
            Assert.Equal("running", await StateOf(id));

            output = new RecordingOutput();
            await new StopContainerCommand { Force = true, PassThru = true }.ExecuteAsync(Engine, new[] { name }, output, default);
            Container stopped = Assert.Single(output.ObjectsOf<Container>());
            Assert.Equal("exited", stopped.State);
            Assert.Equal(137, stopped.ExitCode);
            Assert.Empty(output.Errors);
        }

        [Fact]
        public async Task WhatIf_changes_nothing()
        {
            (string id, string name) = await CreateAsync(Sleeper);
            var output = new RecordingOutput { Approve = false };
            await new StartContainerCommand().ExecuteAsync(Engine, new[] { name }, output, default);
            await new RemoveContainerCommand { Force = true }.ExecuteAsync(Engine, new[] { name }, output, default);
            Assert.Equal(2, output.Asked.Count);
            Assert.Equal("created", await StateOf(id));
        }

        [Fact]
        public async Task A_missing_container_is_ObjectNotFound_and_the_next_one_is_still_processed()
        {
            (string id, string name) = await CreateAsync(Sleeper);
            string missing = PrivateEngine.UniqueName("missing");
            var output = new RecordingOutput();
            await new StartContainerCommand().ExecuteAsync(Engine, new[] { missing, name }, output, default);
            CommandError error = Assert.Single(output.Errors);
            Assert.Equal("ContainerNotFound", error.ErrorId);
            Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
            Assert.Equal(missing, error.Target);
            Assert.Equal("running", await StateOf(id));
        }

        [Fact]
        public async Task Removing_a_running_container_needs_Force()
        {
            (string id, string name) = await StartAsync(Sleeper);
            var output = new RecordingOutput();
            await new RemoveContainerCommand().ExecuteAsync(Engine, new[] { name }, output, default);
            CommandError refused = Assert.Single(output.Errors);
            Assert.Equal("ContainerConflict", refused.ErrorId);
            Assert.Equal(ErrorKind.ResourceBusy, refused.Kind);
            Assert.Equal("Stop the container first, or use -Force.", refused.RecommendedAction);
            Assert.Equal("running", await StateOf(id));

            output = new RecordingOutput();
            await new RemoveContainerCommand { Force = true }.ExecuteAsync(Engine, new[] { name }, output, default);
            Assert.Empty(output.Errors);
            await Assert.ThrowsAsync<EngineNotFoundException>(() => Client.Containers.InspectAsync(id));
        }

        [Fact]
        public async Task Pausing_twice_is_an_InvalidOperation_error()
        {
            (string id, _) = await StartAsync(Sleeper);
            await new SuspendContainerCommand().ExecuteAsync(Engine, new[] { id }, new RecordingOutput(), default);
            var output = new RecordingOutput();
            await new SuspendContainerCommand().ExecuteAsync(Engine, new[] { id }, output, default);
            CommandError error = Assert.Single(output.Errors);
            Assert.Equal("ContainerConflict", error.ErrorId);
            Assert.Equal(ErrorKind.InvalidOperation, error.Kind);
            Assert.Null(error.RecommendedAction);
            await Client.Containers.UnpauseAsync(id);
        }

        [Fact]
        public async Task Wildcards_act_on_every_matching_container()
        {
            string prefix = PrivateEngine.UniqueName("many");
            (string first, _) = await CreateAsync(Sleeper, prefix + "-1");
            (string second, _) = await CreateAsync(Sleeper, prefix + "-2");
            var output = new RecordingOutput();
            await new StartContainerCommand().ExecuteAsync(Engine, new[] { prefix + "-?" }, output, default);
            Assert.Equal(2, output.Asked.Count);
            Assert.Equal("running", await StateOf(first));
            Assert.Equal("running", await StateOf(second));
        }

        [Fact]
        public async Task Rename_with_PassThru_returns_the_renamed_container_and_a_bad_name_is_refused_before_sending()
        {
            (string id, string name) = await CreateAsync(Sleeper);
            string renamed = name + "-renamed";
            var output = new RecordingOutput();
            await new RenameContainerCommand(renamed) { PassThru = true }.ExecuteAsync(Engine, new[] { name }, output, default);
            Container result = Assert.Single(output.ObjectsOf<Container>());
            Assert.Equal(renamed, result.Name);
            Assert.Equal(id, result.Id);

            var invalid = Assert.Throws<global::Containers.Errors.InvalidParameterException>(() => new RenameContainerCommand("bad name!"));
            Assert.Equal("NewName", invalid.ParamName);
            Assert.Contains("bad name!", invalid.Message);
        }

        [Fact]
        public async Task Renaming_a_restarted_running_container_whose_sandbox_the_engine_lost_says_so_and_keeps_the_name()
        {
            // The private engine has no bridge (--bridge none), so containers run without networks; dockerd 20.10 then
            // keeps a stopped-and-started container's old sandbox id, and renaming it while it runs fails on that id
            // (docker rename fails the same way). The container is there: not ContainerNotFound.
            (string id, string name) = await StartAsync(Sleeper);
            await Client.Containers.RestartAsync(id, 0);
            string renamed = name + "-renamed";
            var output = new RecordingOutput();
            await new RenameContainerCommand(renamed).ExecuteAsync(Engine, new[] { name }, output, default);

            CommandError lost = Assert.Single(output.Errors);
            Assert.Equal("NetworkSandboxNotFound", lost.ErrorId);
            Assert.Equal(ErrorKind.ObjectNotFound, lost.Kind);
            Assert.Contains("sandbox", lost.Message, StringComparison.Ordinal);
            Assert.Equal("/" + name, (await Client.Containers.InspectAsync(id)).Name);

            // What the advice says works: stopped, it renames; started again, it runs under the new name.
            Assert.Contains("stop the container, rename it, then start it again", lost.RecommendedAction, StringComparison.Ordinal);
            await Client.Containers.StopAsync(id, 0);
            output = new RecordingOutput();
            await new RenameContainerCommand(renamed).ExecuteAsync(Engine, new[] { name }, output, default);
            Assert.Empty(output.Errors);
            await Client.Containers.StartAsync(id);
            Assert.Equal("/" + renamed, (await Client.Containers.InspectAsync(id)).Name);
            Assert.Equal("running", await StateOf(id));
        }

        [Fact]
        public async Task Rename_refuses_a_pattern_that_matches_several_containers_and_renames_none()
        {
            string prefix = PrivateEngine.UniqueName("rename");
            (string first, _) = await CreateAsync(Sleeper, prefix + "-a");
            (string second, _) = await CreateAsync(Sleeper, prefix + "-b");
            var output = new RecordingOutput();
            await new RenameContainerCommand(prefix + "-new").ExecuteAsync(Engine, new[] { prefix + "-*" }, output, default);

            CommandError refused = Assert.Single(output.Errors);
            Assert.Equal("InvalidName", refused.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, refused.Kind);
            Assert.Contains("matches 2 containers", refused.Message);
            Assert.Empty(output.Asked);
            Assert.Equal("/" + prefix + "-a", (await Client.Containers.InspectAsync(first)).Name);
            Assert.Equal("/" + prefix + "-b", (await Client.Containers.InspectAsync(second)).Name);
        }

        [Fact]
        public async Task Prune_removes_stopped_containers_with_the_label_only()
        {
            // A label of this test's own keeps the prune away from other tests' stopped containers on the shared engine.
            string mark = PrivateEngine.UniqueName("prune");
            var labels = new Dictionary<string, string> { ["containers.test.prune"] = mark };
            (string exitedId, _) = await StartAsync(new[] { "true" }, labels: labels);
            await Client.Containers.WaitAsync(exitedId);
            (string runningId, _) = await StartAsync(Sleeper, labels: labels);
            (string unlabelledId, _) = await StartAsync(new[] { "true" });
            await Client.Containers.WaitAsync(unlabelledId);

            var output = new RecordingOutput();
            await new PruneContainersCommand { Label = new[] { "containers.test.prune=" + mark } }.ExecuteAsync(Engine, output, default);
            PruneResult result = Assert.Single(output.ObjectsOf<PruneResult>());
            Assert.Equal(new[] { exitedId }, result.Removed);
            Assert.Equal("exited", await StateOf(unlabelledId));
            await Assert.ThrowsAsync<EngineNotFoundException>(() => Client.Containers.InspectAsync(exitedId));
            Assert.Equal("running", await StateOf(runningId));
        }

        [Fact]
        public async Task Prune_with_OlderThan_keeps_containers_created_since_and_refuses_a_bad_time()
        {
            string mark = PrivateEngine.UniqueName("prune-age");
            var labels = new Dictionary<string, string> { ["containers.test.prune"] = mark };
            (string exitedId, _) = await StartAsync(new[] { "true" }, labels: labels);
            await Client.Containers.WaitAsync(exitedId);
            string[] label = { "containers.test.prune=" + mark };

            // Created seconds ago, so not older than an hour: kept.
            var output = new RecordingOutput();
            await new PruneContainersCommand { Label = label, OlderThan = "1h" }.ExecuteAsync(Engine, output, default);
            Assert.Empty(Assert.Single(output.ObjectsOf<PruneResult>()).Removed);
            Assert.Equal("exited", await StateOf(exitedId));

            // A bad time is refused before anything is asked or removed.
            var bad = await Assert.ThrowsAnyAsync<ArgumentException>(() =>
                new PruneContainersCommand { Label = label, OlderThan = "a while" }.ExecuteAsync(Engine, new RecordingOutput(), default));
            Assert.Equal("OlderThan", bad.ParamName);
            Assert.Equal("exited", await StateOf(exitedId));

            // Older than a moment from now: removed.
            output = new RecordingOutput();
            await new PruneContainersCommand { Label = label, OlderThan = DateTime.Now.AddSeconds(5) }.ExecuteAsync(Engine, output, default);
            Assert.Equal(new[] { exitedId }, Assert.Single(output.ObjectsOf<PruneResult>()).Removed);
        }
    }
}
