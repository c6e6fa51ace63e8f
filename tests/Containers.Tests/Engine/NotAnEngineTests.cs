using Containers.Engine;
using Containers.Engine.Errors;
using Containers.Engine.Endpoints;
using Containers.Engine.Transport;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine
{
    /// <summary>
    /// A real web server (not a Docker engine) at the engine's address: the client says so, naming the address and
    /// what answered, instead of passing its 404 page off as ContainerNotFound or its 200 as an engine.
    /// </summary>
    public class NotAnEngineTests
    {
        [Fact]
        public async Task A_web_servers_404_page_over_http_1_1_is_not_an_engine_and_the_message_says_what_answered()
        {
            using var web = new WebPageServer(http10: false, "404 Not Found", WebPageServer.Page("404 Not Found", "The page you asked for is not here."));
            using var client = new EngineClient(EngineEndpoint.Parse(web.Address));

            NotAnEngineException e = await Assert.ThrowsAsync<NotAnEngineException>(() => client.Containers.ListAsync(new ContainerListParameters()));

            Assert.Contains("not a Docker engine", e.Message);
            Assert.Contains(web.Address, e.Message);
            Assert.Contains("HTTP 404 NotFound", e.Message);
            Assert.Contains("Server: " + WebPageServer.ServerName, e.Message);
            Assert.Contains("\"404 Not Found 404 Not Found The page you asked for is not here.\"", e.Message);
            Assert.DoesNotContain("<", e.Message);
            // HEAD's answer had no engine headers, so GET asked again for the page's words; nothing past the ping was sent.
            Assert.Equal(new[] { "HEAD /_ping", "GET /_ping" }, web.Requests);
        }

        [Fact]
        public async Task A_web_servers_200_page_over_http_1_0_read_until_the_close_is_not_an_engine_and_test_says_no()
        {
            using var web = new WebPageServer(http10: true, "200 OK", WebPageServer.Page("Welcome", "It works, but this is no engine."));
            using var client = new EngineClient(EngineEndpoint.Parse(web.Address));

            NotAnEngineException e = await Assert.ThrowsAsync<NotAnEngineException>(() => client.GetApiVersionAsync());
            Assert.Contains(web.Address, e.Message);
            Assert.Contains("HTTP 200 OK", e.Message);
            // The words come from a body that has no Content-Length and ends when the server closes the connection.
            Assert.Contains("\"Welcome Welcome It works, but this is no engine.\"", e.Message);

            // The ping (Test-ContainerEngine's question) no longer takes a 200 from anyone for an engine.
            await Assert.ThrowsAsync<NotAnEngineException>(() => client.System.PingAsync());
        }

        [Fact]
        public async Task With_a_pinned_version_an_html_error_page_is_still_not_an_engine_rather_than_container_not_found()
        {
            using var web = new WebPageServer(http10: false, "404 Not Found", WebPageServer.Page("404 Not Found", "nginx"));
            using var client = new EngineClient(EngineEndpoint.Parse(web.Address), options: new EngineClientOptions { PinnedApiVersion = new Version(1, 41) });

            NotAnEngineException e = await Assert.ThrowsAsync<NotAnEngineException>(() => client.Containers.InspectAsync("web"));
            Assert.Contains("GET /containers/web/json", e.Message);
            Assert.Equal(new[] { "GET /v1.41/containers/web/json" }, web.Requests);
        }

        [Fact]
        public async Task An_http_1_0_answer_with_the_engines_headers_keeps_its_close_delimited_body()
        {
            // A relay in front of an engine that answers in HTTP/1.0: the JSON body ends with the connection.
            using var relay = new WebPageServer(http10: true, "200 OK", "[{\"Id\":\"abc\",\"Names\":[\"/relayed\"],\"Image\":\"busybox\"}]", "application/json", "Api-Version: 1.41\r\n");
            using var client = new EngineClient(EngineEndpoint.Parse(relay.Address));

            Assert.Equal(new Version(1, 41), await client.GetApiVersionAsync());
            var containers = await client.Containers.ListAsync(new ContainerListParameters { All = true });
            Assert.Equal("/relayed", Assert.Single(Assert.Single(containers).Names!));
        }
    }
}
