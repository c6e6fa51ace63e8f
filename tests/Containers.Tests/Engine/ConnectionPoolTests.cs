using System.Diagnostics;
using Containers.Engine;
using Containers.Engine.Endpoints;
using Containers.Engine.Http;
using Containers.Engine.Models;
using Containers.Engine.Streams;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine
{
    /// <summary>Counts this process's file descriptors, so nothing else may run beside it.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class HandleCountingCollection
    {
        public const string Name = "Handle counting (runs alone)";
    }

    /// <summary>Pooled connections: reused, bounded after a burst, not leaked, and replaced when the engine dropped them.</summary>
    [Collection(HandleCountingCollection.Name)]
    [RequiresEngine]
    public class ConnectionPoolTests
    {
        private static string[] OpenDescriptors() => Directory.GetFileSystemEntries("/proc/self/fd");

        private static HashSet<string> OpenSockets()
        {
            var sockets = new HashSet<string>();
            foreach (string descriptor in OpenDescriptors())
            {
                try
                {
                    string? target = new FileInfo(descriptor).LinkTarget;
                    if (target != null && target.StartsWith("socket:", StringComparison.Ordinal))
                    {
                        sockets.Add(target);
                    }
                }
                catch (IOException)
                {
                    // Closed while we looked.
                }
            }

            return sockets;
        }

        [Fact]
        public async Task A_thousand_sequential_calls_reuse_one_connection_and_leave_the_handle_count_flat()
        {
            PrivateEngine engine = await PrivateEngine.GetAsync();
            int baseline = OpenDescriptors().Length;
            using (var client = new EngineClient(engine.Endpoint))
            {
                await client.System.PingAsync();
                await client.Containers.ListAsync(new ContainerListParameters { All = true });
                HashSet<string> socketsBefore = OpenSockets();
                int before = OpenDescriptors().Length;

                for (int i = 0; i < 500; i++)
                {
                    await client.System.PingAsync();
                    await client.Containers.ListAsync(new ContainerListParameters { All = true });
                }

                Assert.Equal(1, client.IdleConnections);
                Assert.InRange(OpenDescriptors().Length, 0, before + 2);

                // The very socket open before the loop is the one still open: no call connected anew.
                Assert.Empty(OpenSockets().Except(socketsBefore));
            }

            Assert.InRange(OpenDescriptors().Length, 0, baseline + 2);
        }

        [Fact]
        public async Task Bursts_of_fifty_parallel_calls_keep_at_most_the_idle_limit_open()
        {
            PrivateEngine engine = await PrivateEngine.GetAsync();
            var options = new EngineClientOptions();
            int baseline = OpenDescriptors().Length;
            using (var client = new EngineClient(engine.Endpoint, options: options))
            {
                await client.System.PingAsync();
                int before = OpenDescriptors().Length;

                for (int round = 0; round < 5; round++)
                {
                    await Task.WhenAll(Enumerable.Range(0, 50).Select(i => i % 2 == 0
                        ? (Task)client.Containers.ListAsync(new ContainerListParameters { All = true })
                        : client.System.VersionAsync()));

                    // Two pools on a unix socket: the asynchronous one (versions) and the blocking one (listings), each
                    // keeping at most the idle limit.
                    Assert.InRange(client.IdleConnections, 1, options.MaxIdleConnections);
                    Assert.InRange(client.IdleBlockingConnections, 0, options.MaxIdleConnections);
                    Assert.InRange(OpenDescriptors().Length, 0, before + 2 * options.MaxIdleConnections + 2);
                }

                // Sequential calls after the burst use the idle connections, not new ones.
                HashSet<string> socketsAfterBurst = OpenSockets();
                for (int i = 0; i < 100; i++)
                {
                    await client.System.VersionAsync();
                }

                Assert.Empty(OpenSockets().Except(socketsAfterBurst));
            }

            // Disposing the client closes every pooled connection.
            Assert.InRange(OpenDescriptors().Length, 0, baseline + 2);
        }

        [Fact]
        public async Task Listings_and_inspects_on_a_unix_socket_wait_on_the_calling_thread_over_one_kept_alive_connection_of_their_own()
        {
            // Their answers come at once whatever the caller does, so on a unix socket they block the calling thread
            // (the call has completed when it returns: nothing is handed back by a continuation) on a kept-alive
            // connection from a pool used only with blocking calls, never the asynchronous pool's.
            PrivateEngine engine = await PrivateEngine.GetAsync();
            using var client = new EngineClient(engine.Endpoint);
            await client.System.PingAsync();
            await client.Containers.ListAsync(new ContainerListParameters { All = true });
            HashSet<string> socketsBefore = OpenSockets();

            for (int i = 0; i < 20; i++)
            {
                Task[] calls =
                {
                    client.Containers.ListAsync(new ContainerListParameters { All = true }),
                    client.Images.ListAsync(new ImageListParameters()),
                    client.Images.InspectAsync(engine.Image),
                    client.Networks.ListAsync(),
                    client.Networks.InspectAsync("none"),
                    client.Volumes.ListAsync(),
                };
                Assert.All(calls, call => Assert.True(call.IsCompleted, "a listing returned before the engine's answer was read"));
                await Task.WhenAll(calls);
            }

            Assert.Equal(1, client.IdleBlockingConnections);
            Assert.Equal(1, client.IdleConnections); // the ping's, neither taken nor added to
            Assert.Empty(OpenSockets().Except(socketsBefore));
        }

        [Fact]
        public async Task A_listing_blocked_on_an_engine_that_does_not_answer_is_cancelled_by_its_token()
        {
            using var server = new FakeEngineServer(async connection =>
            {
                await connection.ReadRequestAsync();
                await Task.Delay(TimeSpan.FromSeconds(30)); // never answers
            });
            using var client = new EngineClient(server.Endpoint, options: new EngineClientOptions { PinnedApiVersion = new Version(1, 41) });
            using var cancel = new CancellationTokenSource();

            // The call blocks this thread, so the token is cancelled from another one, as Ctrl+C's StopProcessing is.
            cancel.CancelAfter(TimeSpan.FromMilliseconds(300));
            var clock = Stopwatch.StartNew();
            var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Containers.ListAsync(new ContainerListParameters(), cancel.Token));

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"cancelling took {clock.Elapsed}");
            Assert.Equal(cancel.Token, error.CancellationToken);
            Assert.Equal(0, client.IdleBlockingConnections);
        }

        [Fact]
        public async Task A_log_stream_reads_on_a_connection_of_its_own_and_closes_it_afterwards()
        {
            // On a unix socket a log stream must not touch the pool: a pooled socket has been used asynchronously, and
            // reading a log through .NET's async sockets costs a thread hand-off for every line the engine flushes.
            PrivateEngine engine = await PrivateEngine.GetAsync();
            ContainerCreateResponse created = await engine.Client.Containers.CreateAsync(PrivateEngine.UniqueName("logs"), new ContainerCreateRequest
            {
                Image = engine.Image,
                Cmd = new List<string> { "sh", "-c", "echo ready; exec sleep 300" },
            });
            try
            {
                await engine.Client.Containers.StartAsync(created.Id);
                using var client = new EngineClient(engine.Endpoint);
                await client.System.PingAsync();
                HashSet<string> socketsBefore = OpenSockets();

                for (int round = 0; round < 3; round++)
                {
                    using (MultiplexedStreamReader logs = await client.Containers.LogsAsync(created.Id, new ContainerLogsParameters { Follow = true }, tty: false))
                    {
                        var frame = new byte[64];
                        Assert.True((await logs.ReadAsync(frame, 0, frame.Length, default)).Count > 0);

                        Assert.Equal(1, client.IdleConnections); // the pooled connection was left idle
                        Assert.Single(OpenSockets().Except(socketsBefore));
                    }

                    Assert.Equal(1, client.IdleConnections); // and the stream's own was not pooled
                    Assert.Empty(OpenSockets().Except(socketsBefore));
                }
            }
            finally
            {
                await engine.Client.Containers.RemoveAsync(created.Id, force: true);
            }
        }

        [Fact]
        public async Task A_pooled_connection_the_engine_closed_while_idle_is_replaced_without_an_error()
        {
            using var server = new FakeEngineServer(async connection =>
            {
                // Answer one request, then hang up as an engine restarting (or a proxy timing out) would.
                if (await connection.ReadRequestAsync() != null)
                {
                    await connection.WriteAsync(FakeConnection.Ok("{\"ApiVersion\":\"1.41\"}"));
                }
            });
            using var client = new EngineClient(server.Endpoint, options: new EngineClientOptions { PinnedApiVersion = new Version(1, 41) });

            for (int i = 0; i < 3; i++)
            {
                Assert.Equal("1.41", (await client.System.VersionAsync()).ApiVersion);
                await Task.Delay(100); // let the hang-up land before the next call takes the pooled connection
            }

            Assert.Equal(3, server.Connections);
        }

        [Fact]
        public async Task A_connection_the_engine_marked_close_is_not_reused()
        {
            using var server = new FakeEngineServer(async connection =>
            {
                while (await connection.ReadRequestAsync() != null)
                {
                    await connection.WriteAsync(FakeConnection.Ok("{}", "Connection: close\r\n"));
                }
            });
            using var client = new EngineClient(server.Endpoint, options: new EngineClientOptions { PinnedApiVersion = new Version(1, 41) });

            await client.System.VersionAsync();
            await client.System.VersionAsync();

            Assert.Equal(2, server.Connections);
            Assert.Equal(0, client.IdleConnections);
        }

        [Fact]
        public async Task A_connection_idle_past_its_lifetime_is_replaced_and_a_fresh_one_is_reused()
        {
            using var server = new FakeEngineServer(async connection =>
            {
                while (await connection.ReadRequestAsync() != null)
                {
                    await connection.WriteAsync(FakeConnection.Ok("{}"));
                }
            });
            using var client = new EngineClient(server.Endpoint, options: new EngineClientOptions
            {
                PinnedApiVersion = new Version(1, 41),
                IdleConnectionLifetime = TimeSpan.FromMilliseconds(300),
            });

            await client.System.VersionAsync();
            await client.System.VersionAsync();
            Assert.Equal(1, server.Connections);

            await Task.Delay(500);
            await client.System.VersionAsync();
            Assert.Equal(2, server.Connections);
        }

        [Fact]
        public async Task A_response_disposed_before_its_end_closes_its_connection_instead_of_pooling_it()
        {
            using var server = new FakeEngineServer(async connection =>
            {
                while (await connection.ReadRequestAsync() != null)
                {
                    await connection.WriteAsync(FakeConnection.Ok("{\"first\":1,\"padding\":\"" + new string('x', 1000) + "\"}"));
                }
            });
            using var client = new EngineClient(server.Endpoint, options: new EngineClientOptions { PinnedApiVersion = new Version(1, 41) });

            using (Containers.Engine.Http.EngineResponse response = await client.SendAsync(new Containers.Engine.Http.EngineRequest("GET", "/anything")))
            {
                var some = new byte[10];
                Assert.Equal(10, await response.Content.ReadAsync(some));
            }

            Assert.Equal(0, client.IdleConnections);
            await client.System.VersionAsync();
            Assert.Equal(2, server.Connections);
            Assert.Equal(1, client.IdleConnections);
        }
    }
}
