using System.Runtime.Versioning;
using System.Text;
using Containers.Engine.CredentialStore;
using Containers.Engine.Credentials;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine.CredentialStore
{
    /// <summary>
    /// One login for both tools, proven with the real docker CLI in the sandbox's DOCKER_CONFIG: what <c>docker login</c>
    /// stores we read, what we store the CLI pushes and pulls with (through the private engine, to the test registry on
    /// loopback), what we erase the CLI no longer has, with config.json alone, with a credential helper, and with the
    /// platform's default helper. Where both tools write config.json, they write the same bytes.
    /// </summary>
    [SupportedOSPlatform("linux")]
    [RequiresEngine]
    public sealed class DockerCliInteropTests : IDisposable
    {
        private readonly CredentialSandbox _sandbox = new CredentialSandbox();
        private readonly CredentialSandbox _other = new CredentialSandbox();

        public void Dispose()
        {
            _sandbox.Dispose();
            _other.Dispose();
        }

        [Fact]
        public async Task What_docker_login_stores_in_config_json_we_read_and_we_write_the_same_file()
        {
            PrivateEngine engine = await PrivateEngine.GetAsync();
            PrivateRegistry registry = await PrivateRegistry.GetAsync();

            Docker(_sandbox, engine, "login", registry.Host, "--username", registry.UserName, "--password", registry.Password);

            RegistryCredential? read = await _sandbox.Store().GetAsync(registry.Host);
            Assert.Equal((registry.UserName, registry.Password), (read!.UserName, read.Secret));
            Assert.Equal(registry.Host, Assert.Single(await _sandbox.Store().ListAsync()).Registry);

            await _other.Store().StoreAsync(registry.Host, new RegistryCredential(registry.UserName, registry.Password));
            Assert.Equal(_sandbox.ReadConfig(), _other.ReadConfig());
        }

        [Fact]
        public async Task The_CLI_pushes_and_pulls_with_what_we_store_and_cannot_once_we_erase_it()
        {
            PrivateEngine engine = await PrivateEngine.GetAsync();
            PrivateRegistry registry = await PrivateRegistry.GetAsync();
            string reference = registry.Host + "/creds/" + PrivateEngine.UniqueName("cli") + ":v1";
            Docker(_sandbox, engine, "tag", engine.Image, reference);
            try
            {
                DockerCredentialStore store = _sandbox.Store();
                await store.StoreAsync(registry.Host, new RegistryCredential(registry.UserName, registry.Password));

                Docker(_sandbox, engine, "push", reference);
                Docker(_sandbox, engine, "rmi", reference);
                Docker(_sandbox, engine, "pull", reference);

                Assert.True(await store.EraseAsync(registry.Host));
                var refused = Assert.Throws<InvalidOperationException>(() => Docker(_sandbox, engine, "push", reference));
                Assert.Contains("no basic auth credentials", refused.Message);
                Assert.DoesNotContain(registry.Host, _sandbox.ReadConfig());
            }
            finally
            {
                Docker(_sandbox, engine, "rmi", "--force", reference);
            }
        }

        [Fact]
        public async Task After_docker_logout_we_find_nothing()
        {
            PrivateEngine engine = await PrivateEngine.GetAsync();
            PrivateRegistry registry = await PrivateRegistry.GetAsync();
            DockerCredentialStore store = _sandbox.Store();
            await store.StoreAsync(registry.Host, new RegistryCredential(registry.UserName, registry.Password));

            Docker(_sandbox, engine, "logout", registry.Host);

            Assert.Null(await store.GetAsync(registry.Host));
            Assert.Empty(await store.ListAsync());
        }

        [Fact]
        public async Task Through_a_credential_helper_both_tools_share_the_login_and_write_the_same_config()
        {
            PrivateEngine engine = await PrivateEngine.GetAsync();
            PrivateRegistry registry = await PrivateRegistry.GetAsync();
            FileBackedHelper helper = _sandbox.AddFileBackedHelper("teststore");
            _sandbox.WriteConfig("{\n\t\"auths\": {},\n\t\"credsStore\": \"teststore\"\n}");
            string reference = registry.Host + "/creds/" + PrivateEngine.UniqueName("helper") + ":v1";
            Docker(_sandbox, engine, "tag", engine.Image, reference);
            try
            {
                // The CLI logs in: the helper holds the password, config.json an empty entry; we read it through the helper.
                Docker(_sandbox, engine, "login", registry.Host, "--username", registry.UserName, "--password", registry.Password);
                string writtenByCli = _sandbox.ReadConfig();
                Assert.DoesNotContain(registry.Password, writtenByCli);
                Assert.Contains("store " + registry.Host, helper.Calls);
                DockerCredentialStore store = _sandbox.Store();
                RegistryCredential? read = await store.GetAsync(registry.Host);
                Assert.Equal((registry.UserName, registry.Password), (read!.UserName, read.Secret));

                // The CLI logs out; then we log in, and the file is what the CLI's login made of it.
                Docker(_sandbox, engine, "logout", registry.Host);
                Assert.Null(await store.GetAsync(registry.Host));
                await store.StoreAsync(registry.Host, new RegistryCredential(registry.UserName, registry.Password));
                Assert.Equal(writtenByCli, _sandbox.ReadConfig());

                // The CLI pushes with our login, read from the helper; after our logout it cannot.
                Docker(_sandbox, engine, "push", reference);
                Assert.True(await store.EraseAsync(registry.Host));
                var refused = Assert.Throws<InvalidOperationException>(() => Docker(_sandbox, engine, "push", reference));
                Assert.Contains("no basic auth credentials", refused.Message);
                Assert.Empty(helper.StoredJson);
            }
            finally
            {
                Docker(_sandbox, engine, "rmi", "--force", reference);
            }
        }

        [Fact]
        public async Task With_nothing_configured_both_tools_pick_the_installed_platform_helper_and_record_it_alike()
        {
            PrivateEngine engine = await PrivateEngine.GetAsync();
            PrivateRegistry registry = await PrivateRegistry.GetAsync();
            FileBackedHelper cliHelper = _sandbox.AddFileBackedHelper("secretservice");
            FileBackedHelper ourHelper = _other.AddFileBackedHelper("secretservice");

            Docker(_sandbox, engine, "login", registry.Host, "--username", registry.UserName, "--password", registry.Password);
            await _other.Store().StoreAsync(registry.Host, new RegistryCredential(registry.UserName, registry.Password));

            Assert.Contains("\"credsStore\": \"secretservice\"", _sandbox.ReadConfig());
            Assert.Equal(_sandbox.ReadConfig(), _other.ReadConfig());
            Assert.Single(cliHelper.StoredJson);
            Assert.Single(ourHelper.StoredJson);
            Assert.Equal(registry.UserName, (await _sandbox.Store().GetAsync(registry.Host))!.UserName);
        }

        private static string Docker(CredentialSandbox sandbox, PrivateEngine engine, params string[] arguments) =>
            DockerCli.Run(sandbox.ConfigDirectory, new[] { "-H", engine.Endpoint.ToString() }.Concat(arguments), sandbox.CliVariables);
    }
}
