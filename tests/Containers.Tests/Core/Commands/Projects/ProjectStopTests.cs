using System.Diagnostics;
using Containers.Commands.Projects;
using Containers.Engine.Models;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Projects
{
    /// <summary>
    /// How a project's containers stop: with the file's stop_signal, after its stop_grace_period (kept on the container,
    /// so any plain stop honours it), or after -Timeout seconds when Stop- or Remove-ContainerProject is given one
    /// (docker compose -t).
    /// </summary>
    public class ProjectStopTests : ProjectCommandTest
    {
        // busybox's sleep as the container's first process ignores SIGTERM: only the kill after the grace period ends it.
        private static string Stubborn(string gracePeriod) => $@"services:
  app:
    image: ${{IMAGE}}
    command: [""sleep"", ""300""]
    stop_grace_period: {gracePeriod}
";

        [Fact]
        public async Task Stop_waits_the_files_stop_grace_period_and_Timeout_overrides_it()
        {
            string file = Folder.Write("compose.yaml", Stubborn("2s"));
            await UpAsync(file);
            ContainerSummary app = (await ContainersAsync())[Project + "-app-1"];
            Assert.Equal(2, (await Client.Containers.InspectAsync(app.Id)).Config!.StopTimeout);

            TimeSpan graceful = await TimedAsync(() => new StopContainerProjectCommand().ExecuteAsync(Engine, new[] { Project }, new RecordingOutput(), default));
            Assert.InRange(graceful, TimeSpan.FromSeconds(1.8), TimeSpan.FromSeconds(9));
            Assert.Equal(137, (await Client.Containers.InspectAsync(app.Id)).State!.ExitCode);

            await UpAsync(file);
            TimeSpan forced = await TimedAsync(() => new StopContainerProjectCommand { Timeout = 0 }.ExecuteAsync(Engine, new[] { Project }, new RecordingOutput(), default));
            Assert.True(forced < TimeSpan.FromSeconds(1.5), $"Stop -Timeout 0 took {forced}");
            Assert.Equal("exited", (await ContainersAsync())[Project + "-app-1"].State);
        }

        [Fact]
        public async Task Remove_with_Timeout_does_not_wait_a_long_grace_period()
        {
            string file = Folder.Write("compose.yaml", Stubborn("1m"));
            await UpAsync(file);
            ContainerSummary app = (await ContainersAsync())[Project + "-app-1"];
            Assert.Equal(60, (await Client.Containers.InspectAsync(app.Id)).Config!.StopTimeout);

            TimeSpan took = await TimedAsync(() => new RemoveContainerProjectCommand { Timeout = 1 }.ExecuteAsync(Engine, new[] { Project }, new RecordingOutput(), default));
            Assert.InRange(took, TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(8));
            Assert.Empty(await ContainersAsync());
        }

        [Fact]
        public async Task The_files_stop_signal_is_the_one_sent()
        {
            // The container ends with 7 only on SIGUSR1; SIGTERM would leave it to the kill (137).
            string file = Folder.Write("compose.yaml", @"services:
  app:
    image: ${IMAGE}
    command: [""sh"", ""-c"", ""trap 'exit 7' USR1; while true; do sleep 1; done""]
    stop_signal: SIGUSR1
    stop_grace_period: 20s
");
            await UpAsync(file);
            ContainerSummary app = (await ContainersAsync())[Project + "-app-1"];
            TimeSpan took = await TimedAsync(() => new StopContainerProjectCommand().ExecuteAsync(Engine, new[] { Project }, new RecordingOutput(), default));
            ContainerInspect stopped = await Client.Containers.InspectAsync(app.Id);
            Assert.Equal("SIGUSR1", stopped.Config!.StopSignal);
            Assert.Equal(7, stopped.State!.ExitCode);
            Assert.True(took < TimeSpan.FromSeconds(10), $"Stop took {took}");
        }

        private static async Task<TimeSpan> TimedAsync(Func<Task> act)
        {
            var watch = Stopwatch.StartNew();
            await act();
            return watch.Elapsed;
        }
    }
}
