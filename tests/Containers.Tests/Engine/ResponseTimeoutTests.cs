using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Containers.Engine;
using Containers.Engine.Errors;
using Containers.Engine.Http;
using Containers.Engine.Tls;
using Containers.Engine.Transport;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine
{
    /// <summary>
    /// Engines that never answer: an address that accepts connections and says nothing, and a frozen dockerd, end every
    /// call within the response timeout (short here: the default is 30 s), as an <see cref="EngineTimeoutException"/> that
    /// names the address and the limit. Streams wait for their head while the engine answers pings, and once the head is
    /// in, silence never cuts them. Cancelling ends any wait at once.
    /// </summary>
    [RequiresEngine]
    public class ResponseTimeoutTests
    {
        private static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);

        private static EngineClientOptions Options(bool pinned = true) => new EngineClientOptions
        {
            PinnedApiVersion = pinned ? new Version(1, 41) : null,
            RequestTimeout = Limit,
        };

        /// <summary>A stream's request as the endpoints make it: no fixed limit (events, logs, pulls and builds are such).</summary>
        private static EngineRequest Stream(string path) => new EngineRequest("GET", path) { Timeout = ResponseTimeout.None };

        /// <summary>A listing as the endpoints make it: on a unix socket, over a kept-alive connection used with blocking calls.</summary>
        private static EngineRequest Listing() => new EngineRequest("GET", "/containers/json") { ShortAnswerOnBlockingConnection = true };

        private static async Task<EngineTimeoutException> AssertTimesOutAsync(Func<Task> call, string address, string because)
        {
            var clock = Stopwatch.StartNew();
            var error = await Assert.ThrowsAsync<EngineTimeoutException>(call);
            Assert.True(clock.Elapsed < Limit + Promptly.Bound, $"{because}: the timeout took {clock.Elapsed}");
            Assert.True(clock.Elapsed >= Limit - TimeSpan.FromMilliseconds(100), $"{because}: it gave up before the limit, after {clock.Elapsed}");
            Assert.Contains(address, error.Message, StringComparison.Ordinal);
            Assert.Contains("2 seconds", error.Message, StringComparison.Ordinal);
            return error;
        }

        [Fact]
        public void The_default_response_timeout_is_30_seconds()
        {
            Assert.Equal(TimeSpan.FromSeconds(30), new EngineClientOptions().RequestTimeout);
            using var client = new EngineClient(EngineEndpoint.Parse("tcp://127.0.0.1:9"));
            Assert.Equal(TimeSpan.FromSeconds(30), client.ResponseTimeout);
        }

        [Fact]
        public async Task A_silent_address_fails_the_negotiation_within_the_limit()
        {
            using var silent = new SilentTcpServer();
            using var client = new EngineClient(EngineEndpoint.Parse(silent.Uri), options: Options(pinned: false));

            var error = await AssertTimesOutAsync(() => client.System.VersionAsync(), silent.Uri, "negotiating");

            Assert.Contains("/_ping", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_silent_address_fails_an_ordinary_call_within_the_limit()
        {
            using var silent = new SilentTcpServer();
            using var client = new EngineClient(EngineEndpoint.Parse(silent.Uri), options: Options());

            var error = await AssertTimesOutAsync(() => client.System.VersionAsync(), silent.Uri, "asking the version");

            Assert.Contains("GET /version", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_silent_address_fails_the_TLS_handshake_within_the_limit()
        {
            using var silent = new SilentTcpServer();
            var tls = new TlsSettings(new X509Certificate2Collection(), clientCertificate: null, verifyServer: false);
            using var client = new EngineClient(EngineEndpoint.Parse(silent.Uri), tls, Options());

            await AssertTimesOutAsync(() => client.System.VersionAsync(), silent.Uri, "shaking hands over TLS");
        }

        [Fact]
        public async Task A_silent_address_fails_a_streams_head_within_the_limit_as_it_answers_no_ping()
        {
            using var silent = new SilentTcpServer();
            using var client = new EngineClient(EngineEndpoint.Parse(silent.Uri), options: Options());

            var error = await AssertTimesOutAsync(() => client.SendAsync(Stream("/events")), silent.Uri, "following events");

            Assert.Contains("GET /events", error.Message, StringComparison.Ordinal);
            Assert.Contains("nor a ping", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_stop_with_a_grace_period_of_years_waits_while_the_engine_answers_pings_not_on_a_timer_it_cannot_hold()
        {
            using var silent = new SilentTcpServer();
            using var client = new EngineClient(EngineEndpoint.Parse(silent.Uri), options: Options());
            // Stop-Container -Timeout 99999999: more than the 24.8 days a timer takes ("Parameter 'delay'" before).
            var stop = new EngineRequest("POST", "/containers/x/stop") { Timeout = ResponseTimeout.Extended, ExtraTime = TimeSpan.FromSeconds(99999999) };

            var error = await AssertTimesOutAsync(() => client.SendAsync(stop), silent.Uri, "stopping with a grace period of years");

            Assert.Contains("nor a ping", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Cancelling_a_streams_wait_for_its_head_ends_it_at_once()
        {
            using var silent = new SilentTcpServer();
            using var client = new EngineClient(EngineEndpoint.Parse(silent.Uri), options: new EngineClientOptions { PinnedApiVersion = new Version(1, 41) });
            using var cancel = new CancellationTokenSource();

            Task<EngineResponse> call = client.SendAsync(Stream("/events"), cancel.Token);
            await Task.Delay(300);
            var clock = Stopwatch.StartNew();
            cancel.Cancel();

            var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
            Assert.True(clock.Elapsed < Promptly.Bound, $"cancelling took {clock.Elapsed}"); // left alone it would wait 30 s
            Assert.Equal(cancel.Token, error.CancellationToken);
        }

        [Fact]
        public async Task A_streams_head_that_comes_late_is_awaited_while_the_engine_answers_pings()
        {
            // A longer limit than the other tests': each ping must be answered within half of it, on a machine that may be loaded.
            TimeSpan limit = TimeSpan.FromSeconds(4);
            TimeSpan late = limit * 2.5; // two pings at least, each answered
            int pings = 0;
            using var server = new FakeEngineServer(async connection =>
            {
                string? request;
                while ((request = await connection.ReadRequestAsync()) != null)
                {
                    if (request.StartsWith("HEAD /_ping ", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref pings);
                        await connection.WriteAsync("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Length: 0\r\n\r\n");
                        continue;
                    }

                    await Task.Delay(late, connection.Stopping); // a pull whose registry is slow: the engine works
                    await connection.WriteAsync(FakeConnection.Ok("{\"status\":\"done\"}"));
                }
            });
            using var client = new EngineClient(server.Endpoint, options: new EngineClientOptions { PinnedApiVersion = new Version(1, 41), RequestTimeout = limit });

            var clock = Stopwatch.StartNew();
            using (EngineResponse response = await client.SendAsync(Stream("/images/create")))
            {
                Assert.Equal("{\"status\":\"done\"}", Encoding.UTF8.GetString(await response.ReadAllBytesAsync(default)));
            }

            Assert.True(clock.Elapsed >= late - TimeSpan.FromMilliseconds(100), $"answered after {clock.Elapsed}");
            Assert.True(Volatile.Read(ref pings) >= 2, $"{pings} pings while waiting {clock.Elapsed}");
        }

        [Fact]
        public async Task A_stream_whose_head_came_is_never_cut_by_silence_longer_than_the_limit()
        {
            TimeSpan silence = Limit * 3;
            using var server = new FakeEngineServer(async connection =>
            {
                await connection.ReadRequestAsync();
                await connection.WriteAsync("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
                await Task.Delay(silence, connection.Stopping); // events -Follow with nothing happening
                byte[] message = Encoding.UTF8.GetBytes("{\"Type\":\"container\",\"Action\":\"start\"}\n");
                await connection.WriteAsync(message.Length.ToString("X", System.Globalization.CultureInfo.InvariantCulture) + "\r\n");
                await connection.WriteAsync(message);
                await connection.WriteAsync("\r\n0\r\n\r\n");
            });
            using var client = new EngineClient(server.Endpoint, options: Options());

            // Timed from before the request: the server's silence begins once it has written the head, so a head that
            // reaches a loaded machine late would shorten a clock started on its arrival.
            var clock = Stopwatch.StartNew();
            using EngineResponse response = await client.SendAsync(Stream("/events"));
            using var reader = new StreamReader(response.Content, Encoding.UTF8);
            Assert.Equal("{\"Type\":\"container\",\"Action\":\"start\"}", await reader.ReadLineAsync());
            Assert.True(clock.Elapsed >= silence - TimeSpan.FromMilliseconds(100), $"the event came after {clock.Elapsed}");
            Assert.Null(await reader.ReadLineAsync());
        }

        [Fact]
        public async Task A_frozen_dockerd_fails_calls_and_stream_heads_within_the_limit_and_answers_again_when_thawed()
        {
            using Dockerd dockerd = await Dockerd.StartAsync();
            using var client = new EngineClient(dockerd.Endpoint, options: Options(pinned: false));
            Assert.NotNull(await client.System.VersionAsync()); // negotiated, and a kept-alive connection pooled
            (await client.SendAsync(Listing())).Dispose(); // and one in the pool of blocking connections

            Assert.True(Signals.Send(dockerd.ProcessId, Signals.Stop));
            try
            {
                string address = dockerd.Endpoint.ToString();
                await AssertTimesOutAsync(() => client.System.VersionAsync(), address, "asking a frozen engine its version");
                await AssertTimesOutAsync(() => client.System.InfoAsync(), address, "asking a frozen engine its information");
                await AssertTimesOutAsync(() => client.SendAsync(Listing()), address, "listing containers over a blocking connection");
                await AssertTimesOutAsync(() => client.SendAsync(Stream("/events")), address, "following a frozen engine's events");
                var logs = new EngineRequest("GET", "/containers/none/logs") { Timeout = ResponseTimeout.None, ReadBodyOnDedicatedBlockingConnection = true };
                await AssertTimesOutAsync(() => client.SendAsync(logs), address, "following logs over a connection of their own");
            }
            finally
            {
                Signals.Send(dockerd.ProcessId, Signals.Continue);
            }

            // The connections the timeouts gave up were closed, never pooled: the thawed engine answers cleanly.
            Assert.NotNull(await client.System.VersionAsync());
        }
    }
}
