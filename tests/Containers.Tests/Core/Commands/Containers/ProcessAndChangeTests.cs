using Containers.Commands.Containers;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Engine.CredentialStore;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Containers
{
    public class ProcessAndChangeTests : EngineTest
    {
        [Fact]
        public async Task Top_lists_the_container_s_processes_as_docker_top_does()
        {
            (string id, string name) = await StartAsync(new[] { "sh", "-c", "sleep 301 & exec sleep 302" });
            await Task.Delay(300); // let the shell start its background sleep before it becomes the second one

            var output = new RecordingOutput();
            await new GetContainerProcessCommand().ExecuteAsync(Engine, new[] { name }, output, default);
            Assert.Empty(output.Errors);
            IReadOnlyList<ContainerProcess> processes = output.ObjectsOf<ContainerProcess>();
            Assert.Equal(new[] { "sleep 301", "sleep 302" }, processes.Select(p => p.Command).OrderBy(c => c));
            Assert.All(processes, p =>
            {
                Assert.Equal(id, p.ContainerId);
                Assert.Equal(name, p.ContainerName);
                Assert.Same(Engine, p.Engine);
                Assert.True(p.Pid > 0);
                Assert.Equal("root", p.User);
                Assert.NotNull(p.Time);
                Assert.Equal(p.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Fields["PID"]);
            });

            // The main process is the container's; the background sleep is its child.
            int main = (await Client.Containers.InspectAsync(id)).State!.Pid;
            ContainerProcess first = processes.Single(p => p.Command == "sleep 302");
            Assert.Equal(main, first.Pid);
            Assert.Equal(main, processes.Single(p => p.Command == "sleep 301").ParentPid);

            using var sandbox = new CredentialSandbox();
            string[] cliLines = DockerCli.Run(Private.Endpoint, sandbox.ConfigDirectory, "top", name)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(first.Fields.Keys, cliLines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            Assert.Equal(processes.Count, cliLines.Length - 1);
            foreach (ContainerProcess process in processes)
            {
                Assert.Contains(cliLines.Skip(1), line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1] == process.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        [Fact]
        public async Task Top_passes_ps_arguments_and_keeps_every_column_under_its_title()
        {
            (_, string name) = await StartAsync(Sleeper);
            var output = new RecordingOutput();
            await new GetContainerProcessCommand { Arguments = "-o pid,comm,rss" }.ExecuteAsync(Engine, new[] { name }, output, default);
            ContainerProcess process = Assert.Single(output.ObjectsOf<ContainerProcess>());
            Assert.Equal(new[] { "PID", "COMMAND", "RSS" }, process.Fields.Keys);
            Assert.Equal("sleep", process.Command);
            Assert.True(process.Pid > 0);
            Assert.Null(process.User);
            Assert.True(long.Parse(process.Fields["rss"], System.Globalization.CultureInfo.InvariantCulture) > 0);
        }

        [Fact]
        public async Task Ps_arguments_ps_refuses_are_InvalidArguments_naming_them()
        {
            (_, string name) = await StartAsync(Sleeper);
            var output = new RecordingOutput();
            await new GetContainerProcessCommand { Arguments = "-Q" }.ExecuteAsync(Engine, new[] { name }, output, default);
            Assert.Empty(output.Objects);
            CommandError error = Assert.Single(output.Errors);
            Assert.Equal(("InvalidArguments", ErrorKind.InvalidArgument), (error.ErrorId, error.Kind));
            Assert.Contains("'-Q'", error.Message, StringComparison.Ordinal);
            Assert.Contains("ps: ", error.Message, StringComparison.Ordinal);
            Assert.False(GetContainerProcessCommand.PsRefused("ps: exec: \"ps\": executable file not found in $PATH"));
        }

        [Fact]
        public async Task Top_of_a_stopped_container_says_to_start_it_and_a_missing_one_is_not_found()
        {
            (_, string name) = await CreateAsync(Sleeper);
            string missing = PrivateEngine.UniqueName("missing");
            var output = new RecordingOutput();
            await new GetContainerProcessCommand().ExecuteAsync(Engine, new[] { name, missing }, output, default);
            Assert.Empty(output.Objects);
            Assert.Equal(2, output.Errors.Count);
            Assert.Equal("ContainerConflict", output.Errors[0].ErrorId);
            Assert.Equal(ErrorKind.InvalidOperation, output.Errors[0].Kind);
            Assert.Equal("ContainerNotFound", output.Errors[1].ErrorId);
        }

        [Fact]
        public async Task Diff_shows_added_changed_and_deleted_paths_as_docker_diff_does()
        {
            (string id, string name) = await StartAsync(new[] { "sh", "-c", "touch /tmp/added; rm /etc/group; echo extra >> /etc/passwd; sleep 300" });
            await WaitForAsync(async () => (await Client.Containers.ChangesAsync(id)).Count >= 5);

            var output = new RecordingOutput();
            await new GetContainerChangeCommand().ExecuteAsync(Engine, new[] { name }, output, default);
            Assert.Empty(output.Errors);
            IReadOnlyList<ContainerChange> changes = output.ObjectsOf<ContainerChange>();
            Assert.Contains(changes, c => c.Path == "/tmp/added" && c.Kind == ContainerChangeKind.Added);
            Assert.Contains(changes, c => c.Path == "/etc/group" && c.Kind == ContainerChangeKind.Deleted);
            Assert.Contains(changes, c => c.Path == "/etc/passwd" && c.Kind == ContainerChangeKind.Modified);
            Assert.All(changes, c => Assert.Equal((id, name), (c.ContainerId, c.ContainerName)));

            using var sandbox = new CredentialSandbox();
            string[] cli = DockerCli.Run(Private.Endpoint, sandbox.ConfigDirectory, "diff", name).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(cli.OrderBy(l => l, StringComparer.Ordinal), changes.Select(c => c.ToString()).OrderBy(l => l, StringComparer.Ordinal));
        }

        [Fact]
        public async Task Diff_of_an_unchanged_container_is_empty()
        {
            (_, string name) = await CreateAsync(Sleeper);
            var output = new RecordingOutput();
            await new GetContainerChangeCommand().ExecuteAsync(Engine, new[] { name }, output, default);
            Assert.Empty(output.Objects);
            Assert.Empty(output.Errors);
        }

        private static async Task WaitForAsync(Func<Task<bool>> condition)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (!await condition() && clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(100);
            }
        }
    }
}
