using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Engines
{
    /// <summary>A real web server at the engine address, as PowerShell users meet it: NotAnEngine, a connection error; Test-ContainerEngine says no.</summary>
    public sealed class NotAnEngineTests
    {
        [Theory]
        [InlineData(false, "404 Not Found")]
        [InlineData(true, "200 OK")]
        public async Task Get_Container_at_a_web_server_is_a_NotAnEngine_connection_error_and_Test_ContainerEngine_is_false(bool http10, string status)
        {
            using var web = new WebPageServer(http10, status, WebPageServer.Page("Hello from the web", "Nothing of Docker here."));
            using ModuleSession session = await ModuleSession.StartAsync();
            var variables = new Dictionary<string, object?> { ["address"] = web.Address };

            RunResult listed = session.Run("Get-Container -Engine $address", variables);

            ErrorRecord error = listed.Terminating ?? Assert.Single(listed.Errors);
            Assert.Equal("NotAnEngine,Containers.PowerShell.Cmdlets.Containers.GetContainerCmdlet", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
            Assert.Contains($"The server at {web.Address} is not a Docker engine", error.Exception.Message);
            Assert.Contains("Server: " + WebPageServer.ServerName, error.Exception.Message);
            Assert.Contains("Hello from the web", error.Exception.Message);
            Assert.Empty(listed.Output);

            RunResult tested = session.Run("Test-ContainerEngine -Engine $address", variables).AssertNoErrors();
            Assert.Equal(false, tested.Single().BaseObject);
        }
    }
}
