using System.Collections.Concurrent;
using System.Net;
using Containers.Engine.Diagnostics;
using Containers.Engine.Errors;
using Containers.Engine.Endpoints;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine.Diagnostics
{
    /// <summary>
    /// The per-request records -Debug shows, against the private engine: each flow that listens sees its own requests
    /// and no one else's, though the client is shared; without a listener nothing is recorded.
    /// </summary>
    public class RequestLogTests : EngineTest
    {
        [Fact]
        public async Task Each_listening_flow_sees_only_its_own_requests_on_the_shared_client()
        {
            await Client.GetApiVersionAsync();
            var first = new ConcurrentQueue<EngineRequestRecord>();
            var second = new ConcurrentQueue<EngineRequestRecord>();

            async Task ListenWhileAsync(ConcurrentQueue<EngineRequestRecord> records, System.Func<Task> work)
            {
                using (EngineRequestLog.Listen(records.Enqueue))
                {
                    await work();
                }
            }

            await Task.WhenAll(
                Task.Run(() => ListenWhileAsync(first, () => Client.Containers.ListAsync(new ContainerListParameters { All = true }))),
                Task.Run(() => ListenWhileAsync(second, () => Client.Volumes.ListAsync())),
                Task.Run(() => Client.Networks.ListAsync()));

            EngineRequestRecord containers = Assert.Single(first);
            Assert.Equal(("GET", "/v1.41/containers/json", HttpStatusCode.OK), (containers.Method, containers.Path, containers.Status));
            Assert.Equal(Private.Endpoint.ToString(), containers.Engine);
            Assert.Equal("1.41", containers.ApiVersion);
            Assert.StartsWith("negotiated: the engine offers 1.41", containers.ApiVersionChoice);
            Assert.True(containers.Elapsed > System.TimeSpan.Zero);
            Assert.Equal("/v1.41/volumes", Assert.Single(second).Path);
        }

        [Fact]
        public async Task An_error_answer_is_recorded_with_its_status_and_the_listener_ends_with_its_scope()
        {
            var records = new ConcurrentQueue<EngineRequestRecord>();
            using (EngineRequestLog.Listen(records.Enqueue))
            {
                await Assert.ThrowsAsync<EngineNotFoundException>(() => Client.Containers.InspectAsync(PrivateEngine.UniqueName("missing")));
            }

            await Client.Containers.ListAsync(new ContainerListParameters());

            EngineRequestRecord record = Assert.Single(records, r => r.Path != "/_ping");
            Assert.Equal(HttpStatusCode.NotFound, record.Status);
            Assert.Null(record.Failure);
            Assert.DoesNotContain("?", record.Path);
        }
    }
}
