using System.Net;
using Containers.Engine;
using Containers.Engine.Endpoints;
using Containers.Engine.Errors;
using Xunit;

namespace Containers.Tests.Engine
{
    /// <summary>
    /// JSON answers are parsed as their bodies arrive; what the engine cannot be made to send (JSON of another shape, a
    /// bare null) comes from a scripted engine with the engine's headers, and is an error naming the request, as before.
    /// Cut bodies: CutAnswerTests.
    /// </summary>
    public sealed class JsonBodyTests
    {
        private static readonly EngineClientOptions Pinned = new EngineClientOptions { PinnedApiVersion = new Version(1, 41) };

        [Theory]
        [InlineData("[{\"Id\":\"4f9d1c\",\"Names\":[\"/web\"]},{\"Id\":")]
        [InlineData("{\"message\":\"not a list\"}")]
        [InlineData("[{\"Id\":\"4f9d1c\"}] trailing")]
        [InlineData("")]
        public async Task A_listing_that_is_not_the_JSON_expected_is_an_error_naming_the_request(string body)
        {
            using var server = Answering(body);
            using var client = new EngineClient(server.Endpoint, options: Pinned);

            var error = await Assert.ThrowsAsync<EngineException>(() => client.Containers.ListAsync(new ContainerListParameters()));

            Assert.StartsWith("The engine's answer to GET /containers/json is not the JSON expected: ", error.Message, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        }

        [Fact]
        public async Task A_null_answer_where_a_value_is_expected_is_an_error_but_a_null_list_of_changes_is_none()
        {
            using var server = Answering("null");
            using var client = new EngineClient(server.Endpoint, options: Pinned);

            var error = await Assert.ThrowsAsync<EngineException>(() => client.Containers.ListAsync(new ContainerListParameters()));
            Assert.Equal("The engine answered GET /containers/json with an empty body where List`1 was expected.", error.Message);
            Assert.Empty(await client.Containers.ChangesAsync("web"));
        }

        private static FakeEngineServer Answering(string body) => new FakeEngineServer(async connection =>
        {
            while (await connection.ReadRequestAsync() != null)
            {
                await connection.WriteAsync(FakeConnection.Ok(body));
            }
        });
    }
}
