using System.Diagnostics;
using System.Net.Sockets;
using Containers.Engine;
using Containers.Engine.Errors;
using Containers.Engine.Transport;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine
{
    /// <summary>An engine that cannot be reached fails fast and typed; cancellation is cancellation, never an engine error.</summary>
    [RequiresEngine]
    public class ConnectionFailureTests
    {
        private static readonly EngineClientOptions Pinned = new EngineClientOptions { PinnedApiVersion = new Version(1, 41) };

        private static async Task<EngineConnectionException> AssertUnreachableAsync(EngineEndpoint endpoint)
        {
            using var client = new EngineClient(endpoint);
            var clock = Stopwatch.StartNew();
            var error = await Assert.ThrowsAsync<EngineConnectionException>(() => client.System.VersionAsync());
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"failing took {clock.Elapsed}");
            Assert.Null(error.StatusCode);
            return error;
        }

        [Fact]
        public async Task A_unix_socket_that_does_not_exist_fails_at_once_naming_the_socket()
        {
            string path = "/tmp/cte-absent-" + Guid.NewGuid().ToString("N").Substring(0, 8) + ".sock";

            var error = await AssertUnreachableAsync(EngineEndpoint.Parse("unix://" + path));

            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_regular_file_given_as_the_socket_is_said_to_be_no_socket()
        {
            string path = Path.Combine(Path.GetTempPath(), "cte-file-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            File.WriteAllText(path, "not a socket\n");
            try
            {
                var error = await AssertUnreachableAsync(EngineEndpoint.Parse("unix://" + path));
                Assert.Contains($"'{path}' is a file, not a socket", error.Message, StringComparison.Ordinal);
                Assert.DoesNotContain("refused", error.Message, StringComparison.OrdinalIgnoreCase);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public async Task A_folder_given_as_the_socket_is_said_to_be_a_folder()
        {
            string path = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "cte-folder-" + Guid.NewGuid().ToString("N").Substring(0, 8))).FullName;
            try
            {
                var error = await AssertUnreachableAsync(EngineEndpoint.Parse("unix://" + path));
                Assert.Contains($"'{path}' is a folder, not a socket", error.Message, StringComparison.Ordinal);
            }
            finally
            {
                Directory.Delete(path);
            }
        }

        [Theory]
        [InlineData("not a uri", "'not a uri' is neither a host name")]
        [InlineData("tcp://host name:2375", "'host name' is neither")]
        [InlineData("tcp://ex%61mple:2375", "'ex%61mple' is neither")]
        [InlineData("tcp://[::1x]:2375", "'::1x' is neither")]
        [InlineData("tcp://-host:2375", "'-host' is neither")]
        public void An_address_that_cannot_name_a_host_is_refused_before_any_lookup(string text, string reason)
        {
            Assert.False(EngineEndpoint.TryParse(text, out EngineEndpoint? endpoint, out string? problem));
            Assert.Null(endpoint);
            Assert.Contains(reason, problem, StringComparison.Ordinal);
            Assert.Contains($"'{text}'", problem, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("tcp://build01:2376", "build01:2376")]
        [InlineData("my_engine.example.com:2375", "my_engine.example.com:2375")]
        [InlineData("tcp://10.0.0.15", "10.0.0.15:2375")]
        [InlineData("tcp://[::1]:2376", "[::1]:2376")]
        [InlineData("TCP://Build01.Example.COM:2376", "Build01.Example.COM:2376")]
        public void Host_names_and_addresses_still_parse(string text, string address) =>
            Assert.Equal(address, EngineEndpoint.Parse(text).Address);

        [Fact]
        public async Task A_unix_socket_left_behind_by_a_dead_engine_is_refused()
        {
            string path = "/tmp/cte-dead-" + Guid.NewGuid().ToString("N").Substring(0, 8) + ".sock";
            using (var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
            {
                // .NET unlinks the socket file it bound when the socket closes; moving it away first leaves it behind,
                // as a killed engine leaves its socket.
                listener.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(path + ".bound"));
                File.Move(path + ".bound", path);
            }

            try
            {
                Assert.True(File.Exists(path));
                var error = await AssertUnreachableAsync(EngineEndpoint.Parse("unix://" + path));
                Assert.Contains(path, error.Message, StringComparison.Ordinal);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public async Task A_refused_tcp_port_fails_within_seconds()
        {
            var error = await AssertUnreachableAsync(EngineEndpoint.Parse("tcp://127.0.0.1:1"));

            Assert.Contains("127.0.0.1:1", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_token_cancelled_before_the_call_is_cancellation_not_an_engine_error()
        {
            PrivateEngine engine = await PrivateEngine.GetAsync();
            using var client = new EngineClient(engine.Endpoint);
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.System.PingAsync(cancelled.Token));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.System.VersionAsync(cancelled.Token));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(
                () => client.Containers.ListAsync(new Containers.Engine.Endpoints.ContainerListParameters(), cancelled.Token));

            // Nothing was spoiled: the same client answers afterwards.
            Assert.NotNull(await client.System.VersionAsync());
        }

        [Fact]
        public async Task Cancelling_while_the_engine_has_not_answered_is_a_prompt_cancellation()
        {
            using var server = new FakeEngineServer(async connection =>
            {
                await connection.ReadRequestAsync();
                await Task.Delay(TimeSpan.FromSeconds(30), connection.Stopping); // never answers
            });
            using var client = new EngineClient(server.Endpoint, options: Pinned);
            using var cancel = new CancellationTokenSource();

            Task call = client.System.VersionAsync(cancel.Token);
            await Task.Delay(200);
            var clock = Stopwatch.StartNew();
            cancel.Cancel();

            var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
            Assert.True(clock.Elapsed < Promptly.Bound, $"cancelling took {clock.Elapsed}"); // the engine never answers
            Assert.Equal(cancel.Token, error.CancellationToken);
            Assert.Equal(0, client.IdleConnections);
        }

        [Fact]
        public async Task An_engine_that_does_not_answer_in_time_is_a_timeout_not_a_cancellation()
        {
            using var server = new FakeEngineServer(async connection =>
            {
                await connection.ReadRequestAsync();
                await Task.Delay(TimeSpan.FromSeconds(30), connection.Stopping);
            });
            using var client = new EngineClient(server.Endpoint, options: new EngineClientOptions
            {
                PinnedApiVersion = new Version(1, 41),
                RequestTimeout = TimeSpan.FromMilliseconds(300),
            });

            var clock = Stopwatch.StartNew();
            await Assert.ThrowsAsync<EngineTimeoutException>(() => client.System.VersionAsync());
            Assert.True(clock.Elapsed < Promptly.Bound, $"the timeout took {clock.Elapsed}"); // 300 ms asked; the engine would wait 30 s
        }

        [Fact]
        public async Task An_engine_that_hangs_up_on_a_fresh_connection_is_a_connection_error_without_retries()
        {
            using var server = new FakeEngineServer(async connection => await connection.ReadRequestAsync());
            using var client = new EngineClient(server.Endpoint, options: Pinned);

            await Assert.ThrowsAsync<EngineConnectionException>(() => client.System.VersionAsync());

            Assert.Equal(1, server.Connections);
        }

        [Fact]
        public async Task The_negotiation_of_one_caller_is_not_cancelled_by_another_callers_token()
        {
            var answer = new TaskCompletionSource();
            using var server = new FakeEngineServer(async connection =>
            {
                while (await connection.ReadRequestAsync() != null)
                {
                    await answer.Task;
                    await connection.WriteAsync(FakeConnection.Ok("{\"ApiVersion\":\"1.41\"}"));
                }
            });
            using var client = new EngineClient(server.Endpoint);
            using var impatient = new CancellationTokenSource();

            Task<Version> first = client.GetApiVersionAsync(impatient.Token);
            Task<Version> second = client.GetApiVersionAsync();
            await Task.Delay(100);
            impatient.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
            answer.SetResult();

            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            Assert.Equal(new Version(1, 41), await second.WaitAsync(limit.Token));
        }
    }
}
