using Containers.Commands.Services;
using Containers.EngineSelection;
using Containers.Engine.Transport;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Services
{
    /// <summary>Get-ContainerServiceLog -Follow over several services: all at once, lines as they come, until stopped.</summary>
    public sealed class ServiceLogFollowTests : ServiceCommandTest
    {
        [Fact]
        public async Task Following_two_services_writes_lines_of_both_as_they_come_until_stopped_and_a_cut_one_is_an_error()
        {
            string first = NewName("follow-a");
            string second = NewName("follow-b");
            foreach (string name in new[] { first, second })
            {
                ServiceOptions options = Sleeper(name, 1);
                options.Command = new[] { "sh", "-c", $"i=0; while true; do i=$((i+1)); echo {name}-$i; sleep 0.5; done" };
                await CreateAsync(options);
            }

            // The second is read through a forwarder of its own in front of the same engine: one stream that can be cut.
            using var forwarder = new SlowEngineForwarder(Swarm.Dockerd.SocketPath, TimeSpan.Zero);
            ContainerEngine cutEngine = EngineDirectory.Get(EngineEndpoint.Parse(forwarder.Address), null, null, "cut-swarm", "parameter");
            var output = new RecordingOutput();
            using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            Task following = new GetContainerServiceLogCommand { Follow = true, Tail = 0 }.ExecuteAsync(
                new[] { (Engine, (IReadOnlyList<string>)new[] { first }), (cutEngine, (IReadOnlyList<string>)new[] { second }) }, output, stop.Token);

            // Both services' new lines arrive while the command runs: neither waits for the other to end.
            await EventuallyAsync(() => Task.FromResult(Count(output, first) >= 3 && Count(output, second) >= 3), "lines of both services arrive");
            Assert.False(following.IsCompleted);

            // A followed stream cut: an error naming that service (never a quiet end); the other goes on.
            forwarder.Dispose();
            await EventuallyAsync(() => Task.FromResult(output.Errors.Count > 0 || following.IsCompleted), "the cut stream is reported");
            Assert.False(following.IsCompleted, following.Exception?.ToString());
            CommandError ended = Assert.Single(output.Errors);
            Assert.Equal("ServiceLogCut", ended.ErrorId);
            Assert.Equal(ErrorKind.ReadError, ended.Kind);
            Assert.Equal(second, ended.Target);
            Assert.Contains(second, ended.Message);
            int before = Count(output, first);
            await EventuallyAsync(() => Task.FromResult(Count(output, first) >= before + 3), "the other service's lines keep coming");
            Assert.False(following.IsCompleted);

            // Stopped (Ctrl+C): it ends promptly, as cancelled or, when the readers' ends were queued first, quietly.
            stop.Cancel();
            Assert.Same(following, await Task.WhenAny(following, Task.Delay(TimeSpan.FromSeconds(10))));
            Assert.True(following.IsCanceled || following.Status == TaskStatus.RanToCompletion, following.Exception?.ToString());
            Assert.All(output.ObjectsOf<ContainerLogLine>(), line => Assert.Matches(@"^cts-follow-[ab]-.*-\d+$", line.Text));
        }

        private static int Count(RecordingOutput output, string service) =>
            output.ObjectsOf<ContainerLogLine>().Count(line => line.ContainerName.StartsWith(service + ".", StringComparison.Ordinal));
    }
}
