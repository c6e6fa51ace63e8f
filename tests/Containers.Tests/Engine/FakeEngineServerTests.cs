using Containers.Engine;
using Xunit;
using Xunit.Sdk;

namespace Containers.Tests.Engine
{
    /// <summary>
    /// The fake engine does not hide its handler's failures: an assertion inside the handler fails the test that owns the
    /// server, as the original exception; a client hanging up (the point of many tests) does not.
    /// </summary>
    public class FakeEngineServerTests
    {
        private static readonly EngineClientOptions Pinned = new EngineClientOptions { PinnedApiVersion = new Version(1, 41) };

        [Fact]
        public async Task An_assertion_that_fails_inside_the_handler_fails_the_owner_with_that_assertion()
        {
            var server = new FakeEngineServer(async connection =>
            {
                string? head = await connection.ReadRequestAsync();
                Assert.StartsWith("DELETE ", head); // the client sends GET: this fails inside the handler
                await connection.WriteAsync(FakeConnection.Ok("{}"));
            });
            using (var client = new EngineClient(server.Endpoint, options: Pinned))
            {
                // The handler died without answering; the client sees the connection close.
                await Assert.ThrowsAnyAsync<Exception>(() => client.System.VersionAsync());
            }

            var failure = Assert.Throws<StartsWithException>(server.Dispose);
            Assert.Contains("DELETE", failure.Message);
        }

        [Fact]
        public async Task A_client_that_hangs_up_is_not_a_failure()
        {
            var server = new FakeEngineServer(async connection =>
            {
                await connection.ReadRequestAsync();
                await Task.Delay(TimeSpan.FromSeconds(30), connection.Stopping); // never answers; the test ends it
            });
            using (var client = new EngineClient(server.Endpoint, options: new EngineClientOptions { PinnedApiVersion = new Version(1, 41), RequestTimeout = TimeSpan.FromMilliseconds(200) }))
            {
                await Assert.ThrowsAnyAsync<Exception>(() => client.System.VersionAsync());
            }

            server.Dispose();
        }
    }
}
