using System.Net;
using Xunit;

namespace Containers.Azure.Tests
{
    /// <summary>
    /// The replay is strict enough for the driver tests to mean something: a skipped poll, a wrong api-version, an
    /// exchange out of order and a mismatch the caller swallowed each fail the test; the whole conversation passes.
    /// </summary>
    public sealed class ReplayHandlerTests
    {
        private const string Start = "/subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/virtualMachines/v/start";
        private const string Poll = "/subscriptions/s/providers/Microsoft.Compute/locations/westeurope/operations/op1?p=x&api-version=2023-09-01";

        private static ReplayHandler StartThenTwoPolls() => new ReplayHandler()
            .On("POST", Start + "?api-version=2023-09-01", 202, null, ("Azure-AsyncOperation", "https://management.azure.com" + Poll))
            .On("GET", Poll, 200, "{\"status\":\"InProgress\"}")
            .On("GET", Poll, 200, "{\"status\":\"Succeeded\"}");

        private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string pathAndQuery) =>
            client.SendAsync(new HttpRequestMessage(method, "https://management.azure.com" + pathAndQuery));

        [Fact]
        public async Task The_whole_conversation_in_order_is_complete()
        {
            ReplayHandler replay = StartThenTwoPolls();
            using var client = new HttpClient(replay);
            Assert.Equal(HttpStatusCode.Accepted, (await Send(client, HttpMethod.Post, Start + "?api-version=2023-09-01")).StatusCode);
            await Send(client, HttpMethod.Get, Poll);
            // The query's parameters in another order are the same query.
            await Send(client, HttpMethod.Get, "/subscriptions/s/providers/Microsoft.Compute/locations/westeurope/operations/op1?api-version=2023-09-01&p=x");
            replay.AssertComplete();
        }

        [Fact]
        public async Task A_skipped_poll_fails()
        {
            // A client that took the first InProgress for the end: the old replay passed it.
            ReplayHandler replay = StartThenTwoPolls();
            using var client = new HttpClient(replay);
            await Send(client, HttpMethod.Post, Start + "?api-version=2023-09-01");
            await Send(client, HttpMethod.Get, Poll);

            var failure = Assert.Throws<ReplayIncompleteException>(replay.AssertComplete);
            Assert.Contains("never requested: GET " + Poll.Split('?')[0], failure.Message);
        }

        [Fact]
        public async Task A_wrong_api_version_or_a_missing_query_fails()
        {
            ReplayHandler replay = StartThenTwoPolls();
            using var client = new HttpClient(replay);
            await Assert.ThrowsAsync<InvalidOperationException>(() => Send(client, HttpMethod.Post, Start + "?api-version=2022-08-01"));
            Assert.Contains("the script expected POST " + Start, Assert.Throws<ReplayIncompleteException>(replay.AssertComplete).Message);

            replay = StartThenTwoPolls();
            using var other = new HttpClient(replay);
            await Assert.ThrowsAsync<InvalidOperationException>(() => Send(other, HttpMethod.Post, Start));
            Assert.Throws<ReplayIncompleteException>(replay.AssertComplete);
        }

        [Fact]
        public async Task An_exchange_out_of_order_fails()
        {
            ReplayHandler replay = StartThenTwoPolls();
            using var client = new HttpClient(replay);
            await Assert.ThrowsAsync<InvalidOperationException>(() => Send(client, HttpMethod.Get, Poll));
            Assert.Throws<ReplayIncompleteException>(replay.AssertComplete);
        }

        [Fact]
        public async Task A_mismatch_the_caller_swallowed_still_fails_at_the_end()
        {
            // The driver's state read turns any failure into HostState.Error: the mismatch must not vanish with it.
            ReplayHandler replay = StartThenTwoPolls();
            using var client = new HttpClient(replay);
            try
            {
                await Send(client, HttpMethod.Delete, Start + "?api-version=2023-09-01");
            }
            catch (InvalidOperationException)
            {
            }

            var failure = Assert.Throws<ReplayIncompleteException>(replay.AssertComplete);
            Assert.Contains("request 1 DELETE", failure.Message);
        }

        [Fact]
        public async Task A_request_past_the_end_of_the_script_fails()
        {
            ReplayHandler replay = new ReplayHandler().On("POST", Start + "?api-version=2023-09-01", 200);
            using var client = new HttpClient(replay);
            await Send(client, HttpMethod.Post, Start + "?api-version=2023-09-01");
            await Assert.ThrowsAsync<InvalidOperationException>(() => Send(client, HttpMethod.Post, Start + "?api-version=2023-09-01"));
            Assert.Contains("no more exchanges", Assert.Throws<ReplayIncompleteException>(replay.AssertComplete).Message);
        }
    }
}
