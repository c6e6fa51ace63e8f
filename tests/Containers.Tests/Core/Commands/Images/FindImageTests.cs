using System.Collections;
using System.Net;
using System.Text;
using Containers.Commands.Images;
using Containers.EngineSelection;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Core.Commands.Registries;
using Containers.Tests.Engine;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Images
{
    /// <summary>
    /// Find-ContainerImage. Docker Hub is out of reach here, so the mapping is checked with the answer dockerd relays
    /// from Docker Hub's index (its shape, recorded), served by a scripted engine; the real engine shows what a registry
    /// without a search index answers.
    /// </summary>
    public sealed class FindImageTests : RegistryCommandTest
    {
        // GET /images/search?term=nginx&limit=2 as dockerd 20.10 relays it from Docker Hub.
        private const string HubAnswer =
            "[{\"star_count\":20385,\"is_official\":true,\"name\":\"nginx\",\"is_automated\":false,\"description\":\"Official build of Nginx.\"}," +
            "{\"star_count\":190,\"is_official\":false,\"name\":\"bitnami/nginx\",\"is_automated\":true,\"description\":\"\"}]\n";

        [Fact]
        public async Task Hits_become_objects_and_the_term_limit_filters_and_login_are_sent()
        {
            string? request = null;
            using var server = new FakeEngineServer(async connection =>
            {
                request = await connection.ReadRequestAsync();
                await connection.WriteAsync(FakeConnection.Ok(HubAnswer));
            });
            var engine = EngineDirectory.Get(server.Endpoint, null, new Version(1, 41), "fake", "parameter");
            Sandbox.WriteConfig("{\"auths\": {\"https://index.docker.io/v1/\": {\"auth\": \"" + Convert.ToBase64String(Encoding.UTF8.GetBytes("hubuser:hubsecret")) + "\"}}}");

            var output = new RecordingOutput();
            await new FindImageCommand(Sandbox.Store()) { Term = "nginx", Limit = 2, Filter = new Hashtable { ["is-official"] = true, ["stars"] = 100 } }
                .ExecuteAsync(engine, output, default);

            Assert.Empty(output.Errors);
            ContainerImageSearchResult[] hits = output.ObjectsOf<ContainerImageSearchResult>().ToArray();
            Assert.Equal(("nginx", "Official build of Nginx.", 20385, true, false, "docker.io"),
                (hits[0].Name, hits[0].Description, hits[0].Stars, hits[0].IsOfficial, hits[0].IsAutomated, hits[0].Registry));
            Assert.Equal(("bitnami/nginx", (string?)null, 190, false, true), (hits[1].Name, hits[1].Description, hits[1].Stars, hits[1].IsOfficial, hits[1].IsAutomated));

            string target = request!.Split("\r\n")[0];
            Assert.StartsWith("GET /v1.41/images/search?", target, StringComparison.Ordinal);
            string query = WebUtility.UrlDecode(target.Split(' ')[1]);
            Assert.Contains("term=nginx", query, StringComparison.Ordinal);
            Assert.Contains("limit=2", query, StringComparison.Ordinal);
            Assert.Contains("\"is-official\":[\"true\"]", query, StringComparison.Ordinal);
            Assert.Contains("\"stars\":[\"100\"]", query, StringComparison.Ordinal);
            Assert.Contains("X-Registry-Auth: ", request, StringComparison.Ordinal);
            Assert.DoesNotContain("X-Registry-Auth: e30=", request, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_term_naming_the_private_registry_gets_the_engines_own_error()
        {
            var output = new RecordingOutput();
            await new FindImageCommand(Sandbox.Store()) { Term = Registry.Host + "/busybox" }.ExecuteAsync(Engine, output, default);

            Assert.Empty(output.Objects);
            CommandError error = Assert.Single(output.Errors);
            Assert.Equal(("ImageSearchFailed", (object)(Registry.Host + "/busybox")), (error.ErrorId, error.Target));
            // The engine's words (it asked the registry's v1 search API, which a v2 registry does not have), and ours around them.
            Assert.Equal($"The engine could not search {Registry.Host} for '{Registry.Host}/busybox': Unexpected status code 404", error.Message);
            Assert.IsType<global::Containers.Engine.Errors.EngineServerException>(error.Exception);
            Assert.Contains("Get-ContainerRegistryTag", error.RecommendedAction, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("nginx", "docker.io")]
        [InlineData("bitnami/nginx", "docker.io")]
        [InlineData("registry.example.com/app", "registry.example.com")]
        [InlineData("localhost/app", "localhost")]
        [InlineData("127.0.0.1:5000/app", "127.0.0.1:5000")]
        public void The_registry_searched_is_read_from_the_term(string term, string registry) => Assert.Equal(registry, FindImageCommand.RegistryOf(term));
    }
}
