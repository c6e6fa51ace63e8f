using System.Net;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Fixtures
{
    /// <summary>
    /// The test registry that image tests push to and pull from: it asks for credentials, and the private engine
    /// reaches it on loopback. The docker CLI drives the engine here, with a configuration folder of the test's own.
    /// </summary>
    [RequiresEngine]
    public sealed class PrivateRegistryTests : IDisposable
    {
        private readonly string _config = Path.Combine(Path.GetTempPath(), "containers-reg-" + Guid.NewGuid().ToString("N").Substring(0, 8));

        public void Dispose()
        {
            if (Directory.Exists(_config))
            {
                Directory.Delete(_config, recursive: true);
            }
        }

        [Fact]
        public async Task The_registry_asks_for_credentials_and_accepts_the_test_ones()
        {
            PrivateRegistry registry = await PrivateRegistry.GetAsync();
            using (HttpClient anonymous = registry.CreateHttpClient(authenticated: false))
            using (HttpResponseMessage refused = await anonymous.GetAsync("v2/"))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
                Assert.Contains("containers-test", refused.Headers.WwwAuthenticate.ToString());
            }

            using HttpClient authenticated = registry.CreateHttpClient(authenticated: true);
            using HttpResponseMessage accepted = await authenticated.GetAsync("v2/");
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        [Fact]
        public async Task The_private_engine_pushes_to_it_with_credentials_only_and_pulls_back()
        {
            PrivateEngine engine = await PrivateEngine.GetAsync();
            PrivateRegistry registry = await PrivateRegistry.GetAsync();
            string reference = registry.Host + "/fixture/" + PrivateEngine.UniqueName("push") + ":v1";
            Docker(engine, "tag", engine.Image, reference);
            try
            {
                var anonymous = Assert.Throws<InvalidOperationException>(() => Docker(engine, "push", reference));
                Assert.Contains("no basic auth credentials", anonymous.Message);

                Docker(engine, "login", registry.Host, "--username", registry.UserName, "--password", registry.Password);
                Docker(engine, "push", reference);
                Docker(engine, "rmi", reference);
                Docker(engine, "pull", reference);
                Assert.Contains(reference, Docker(engine, "images", "--format", "{{.Repository}}:{{.Tag}}"));
            }
            finally
            {
                Docker(engine, "rmi", "--force", reference);
            }
        }

        private string Docker(PrivateEngine engine, params string[] arguments) => DockerCli.Run(engine.Endpoint, _config, arguments);
    }
}
