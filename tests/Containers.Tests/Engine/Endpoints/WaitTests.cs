using System.Diagnostics;
using Containers.Engine.Endpoints;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine.Endpoints
{
    /// <summary>Waiting for containers: the exit code arrives, and a cancelled wait ends at once without harming the client.</summary>
    public class WaitTests : EngineTest
    {
        [Fact]
        public async Task Cancelling_a_next_exit_wait_on_a_running_container_ends_it_promptly()
        {
            (string id, _) = await StartAsync(new[] { "sleep", "30" });
            using var cancel = new CancellationTokenSource();

            Task<ContainerWaitResponse> waiting = Client.Containers.WaitAsync(id, "next-exit", cancel.Token);
            await Task.Delay(300);
            Assert.False(waiting.IsCompleted);
            var clock = Stopwatch.StartNew();
            cancel.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
            Assert.True(clock.Elapsed < Promptly.Bound, $"the cancelled wait took {clock.Elapsed}"); // the container sleeps 30 s

            // The client keeps working, and the container was not touched.
            Assert.True((await Client.Containers.InspectAsync(id)).State!.Running);
            Assert.NotEmpty(await Client.Containers.ListAsync(new ContainerListParameters()));
        }

        [Fact]
        public async Task Cancelling_after_the_wait_was_registered_ends_the_inner_task()
        {
            (string id, _) = await StartAsync(new[] { "sleep", "30" });
            using var cancel = new CancellationTokenSource();

            Task<ContainerWaitResponse> registered = await Client.Containers.BeginWaitAsync(id, "next-exit", cancel.Token);
            var clock = Stopwatch.StartNew();
            cancel.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => registered);
            Assert.True(clock.Elapsed < Promptly.Bound, $"the cancelled wait took {clock.Elapsed}"); // the container sleeps 30 s
            Assert.NotNull(await Client.System.VersionAsync());
        }

        [Fact]
        public async Task A_wait_returns_the_exit_code_when_the_container_is_killed()
        {
            (string id, _) = await StartAsync(new[] { "sleep", "30" });

            Task<ContainerWaitResponse> registered = await Client.Containers.BeginWaitAsync(id, "not-running");
            await Client.Containers.KillAsync(id, "KILL");

            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            Assert.Equal(137, (await registered.WaitAsync(limit.Token)).StatusCode);
        }

        [Fact]
        public async Task Waiting_on_a_container_that_already_exited_answers_at_once()
        {
            (string id, _) = await StartAsync(new[] { "sh", "-c", "exit 4" });

            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            ContainerWaitResponse first = await Client.Containers.WaitAsync(id, cancellationToken: limit.Token);
            ContainerWaitResponse again = await Client.Containers.WaitAsync(id, "not-running", limit.Token);

            Assert.Equal(4, first.StatusCode);
            Assert.Equal(4, again.StatusCode);
        }

        [Fact]
        public async Task Waiting_on_a_missing_container_is_not_found()
        {
            var error = await Assert.ThrowsAsync<EngineNotFoundException>(() => Client.Containers.WaitAsync(PrivateEngine.UniqueName("missing")));
            Assert.Equal(EngineResourceKind.Container, error.ResourceKind);
        }

        [Fact]
        public async Task An_engine_that_stops_during_a_wait_is_a_connection_error()
        {
            using var server = new FakeEngineServer(async connection =>
            {
                await connection.ReadRequestAsync();
                await connection.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
                await Task.Delay(100);
                connection.Socket.Close();
            });
            using var client = new Containers.Engine.EngineClient(server.Endpoint, options: new Containers.Engine.EngineClientOptions { PinnedApiVersion = new Version(1, 41) });

            await Assert.ThrowsAsync<EngineConnectionException>(() => client.Containers.WaitAsync("abc", "next-exit"));
        }
    }
}
