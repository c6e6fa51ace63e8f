using System.Net;
using Containers.Engine;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine
{
    /// <summary>API version negotiation against dockerd 20.10, whose API is 1.41.</summary>
    [RequiresEngine]
    public class NegotiationTests
    {
        private static readonly Version EngineApi = new Version(1, 41);

        [Fact]
        public async Task A_fresh_client_settles_on_the_engines_1_41_and_remembers_what_the_ping_said()
        {
            PrivateEngine engine = await PrivateEngine.GetAsync();
            using var client = new EngineClient(engine.Endpoint);
            Assert.Null(client.LastPing);

            Version version = await client.GetApiVersionAsync();

            Assert.Equal(EngineApi, version);
            Assert.NotNull(client.LastPing);
            Assert.Equal(EngineApi, client.LastPing!.ApiVersion);
            Assert.Equal("linux", client.LastPing.OSType);
            var reported = await client.System.VersionAsync();
            Assert.Equal("1.41", reported.ApiVersion);
        }

        [Fact]
        public async Task Negotiation_happens_once_however_many_calls_ask_at_once()
        {
            int pings = 0;
            using var server = new FakeEngineServer(async connection =>
            {
                string? request;
                while ((request = await connection.ReadRequestAsync()) != null)
                {
                    if (request.StartsWith("HEAD /_ping ", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref pings);
                        await Task.Delay(100); // long enough for every caller to arrive while it is under way
                        await connection.WriteAsync("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nOSType: linux\r\nContent-Length: 2\r\n\r\n");
                    }
                    else
                    {
                        Assert.StartsWith("GET /v1.41/version ", request, StringComparison.Ordinal);
                        await connection.WriteAsync(FakeConnection.Ok("{\"ApiVersion\":\"1.41\"}"));
                    }
                }
            });
            using var client = new EngineClient(server.Endpoint);

            await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.System.VersionAsync()));
            await client.System.VersionAsync();

            Assert.Equal(1, pings);
        }

        [Fact]
        public async Task A_failed_negotiation_is_not_remembered()
        {
            int connections = 0;
            using var server = new FakeEngineServer(async connection =>
            {
                if (Interlocked.Increment(ref connections) == 1)
                {
                    return; // the first connection is dropped unanswered, as by an engine still starting
                }

                while (await connection.ReadRequestAsync() != null)
                {
                    await connection.WriteAsync("HTTP/1.1 200 OK\r\nApi-Version: 1.43\r\nContent-Length: 0\r\n\r\n");
                }
            });
            using var client = new EngineClient(server.Endpoint);

            await Assert.ThrowsAsync<EngineConnectionException>(() => client.GetApiVersionAsync());

            Assert.Equal(new Version(1, 43), await client.GetApiVersionAsync());
        }

        [Fact]
        public async Task An_engine_newer_than_this_client_gets_this_clients_maximum()
        {
            using var server = new FakeEngineServer(async connection =>
            {
                while (await connection.ReadRequestAsync() != null)
                {
                    await connection.WriteAsync("HTTP/1.1 200 OK\r\nApi-Version: 1.99\r\nContent-Length: 0\r\n\r\n");
                }
            });
            using var client = new EngineClient(server.Endpoint);

            Assert.Equal(EngineClientOptions.MaximumApiVersion, await client.GetApiVersionAsync());
        }

        [Fact]
        public async Task An_engine_older_than_this_clients_minimum_is_refused_clearly()
        {
            using var server = new FakeEngineServer(async connection =>
            {
                while (await connection.ReadRequestAsync() != null)
                {
                    await connection.WriteAsync("HTTP/1.1 200 OK\r\nApi-Version: 1.24\r\nContent-Length: 0\r\n\r\n");
                }
            });
            using var client = new EngineClient(server.Endpoint);

            var error = await Assert.ThrowsAsync<EngineApiVersionException>(() => client.System.VersionAsync());

            Assert.Contains("1.24", error.Message, StringComparison.Ordinal);
            Assert.Contains(EngineClientOptions.MinimumApiVersion.ToString(), error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_pinned_version_the_engine_speaks_skips_the_ping()
        {
            PrivateEngine engine = await PrivateEngine.GetAsync();
            using var client = new EngineClient(engine.Endpoint, options: new EngineClientOptions { PinnedApiVersion = new Version(1, 40) });

            Assert.Equal(new Version(1, 40), await client.GetApiVersionAsync());
            var containers = await client.Containers.ListAsync(new Containers.Engine.Endpoints.ContainerListParameters { All = true });

            Assert.NotNull(containers);
            Assert.Null(client.LastPing);
        }

        [Fact]
        public async Task A_pinned_version_newer_than_the_engine_raises_the_engines_too_new_message()
        {
            PrivateEngine engine = await PrivateEngine.GetAsync();
            using var client = new EngineClient(engine.Endpoint, options: new EngineClientOptions { PinnedApiVersion = new Version(1, 99) });

            var error = await Assert.ThrowsAsync<EngineApiVersionException>(() => client.System.VersionAsync());

            Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
            Assert.Contains("1.99", error.Message, StringComparison.Ordinal);
            Assert.Contains("too new", error.Message, StringComparison.Ordinal);
            Assert.Contains("1.41", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("{", error.Message, StringComparison.Ordinal);

            // The unversioned ping still answers, so a caller can find out what the engine does speak.
            PingResult ping = await client.System.PingAsync();
            Assert.Equal(EngineApi, ping.ApiVersion);
        }

        [Fact]
        public async Task A_pinned_version_older_than_the_engine_accepts_raises_its_text_plain_too_old_message()
        {
            PrivateEngine engine = await PrivateEngine.GetAsync();
            using var client = new EngineClient(engine.Endpoint, options: new EngineClientOptions { PinnedApiVersion = new Version(1, 0) });

            var error = await Assert.ThrowsAsync<EngineApiVersionException>(() => client.Containers.InspectAsync("anything"));

            Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
            Assert.Contains("client version 1.0 is too old", error.Message, StringComparison.Ordinal);
            Assert.Contains("Minimum supported API version is 1.12", error.Message, StringComparison.Ordinal);
        }
    }
}
