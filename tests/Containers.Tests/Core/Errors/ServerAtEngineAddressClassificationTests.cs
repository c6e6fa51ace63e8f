using Containers.Engine;
using Containers.Engine.Errors;
using Containers.Engine.Transport;
using Containers.Errors;
using Containers.Output;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Errors
{
    /// <summary>
    /// What answers at an engine address that is not a Docker engine, as users see it: a connection error that stops the
    /// command (NotAnEngine), never the resource's NotFound; the errors come from a real web server on loopback.
    /// </summary>
    public class ServerAtEngineAddressClassificationTests
    {
        [Fact]
        public async Task A_web_server_is_NotAnEngine_a_connection_error_that_stops_the_command()
        {
            using var web = new WebPageServer(http10: false, "404 Not Found", WebPageServer.Page("404 Not Found", "nginx"));
            using var client = new EngineClient(EngineEndpoint.Parse(web.Address));
            NotAnEngineException e = await Assert.ThrowsAsync<NotAnEngineException>(() => client.Containers.InspectAsync("web"));

            CommandError error = ErrorClassifier.Classify(e, "web");

            Assert.Equal(("NotAnEngine", ErrorKind.ConnectionError, (object)"web"), (error.ErrorId, error.Kind, error.Target));
            Assert.Contains(web.Address, error.Message);
            Assert.False(ErrorClassifier.IsPerTarget(e));
        }

        [Fact]
        public void A_tls_port_refusing_plain_http_is_EngineUnreachable()
        {
            var e = new EngineConnectionException("The engine at tcp://127.0.0.1:2376 expects TLS: Client sent an HTTP request to an HTTPS server.");

            CommandError error = ErrorClassifier.Classify(e, null);

            Assert.Equal(("EngineUnreachable", ErrorKind.ConnectionError), (error.ErrorId, error.Kind));
            Assert.False(ErrorClassifier.IsPerTarget(e));
        }
    }
}
