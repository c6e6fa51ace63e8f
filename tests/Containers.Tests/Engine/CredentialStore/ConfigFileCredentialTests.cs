using System.Runtime.Versioning;
using System.Text;
using Containers.Engine.CredentialStore;
using Containers.Engine.Credentials;
using Xunit;

namespace Containers.Tests.Engine.CredentialStore
{
    /// <summary>
    /// Logins kept in config.json's <c>auths</c> (no helper configured or installed): read in every form the docker CLI
    /// reads, written as it writes them, and the rest of the user's file left exactly as it was.
    /// </summary>
    [SupportedOSPlatform("linux")]
    public sealed class ConfigFileCredentialTests : IDisposable
    {
        private const string Registry = "127.0.0.1:5000";
        private readonly CredentialSandbox _sandbox = new CredentialSandbox();

        public void Dispose() => _sandbox.Dispose();

        [Fact]
        public async Task Nothing_is_found_without_a_config_file_or_in_an_empty_one()
        {
            Assert.Null(await _sandbox.Store().GetAsync(Registry));
            Assert.Empty(await _sandbox.Store().ListAsync());
            _sandbox.WriteConfig("  \n");
            Assert.Null(await _sandbox.Store().GetAsync(Registry));
            Assert.False(await _sandbox.Store().EraseAsync(Registry));
        }

        [Fact]
        public async Task Every_form_of_auths_entry_the_CLI_reads_is_read()
        {
            _sandbox.WriteConfig(@"{
	""auths"": {
		""127.0.0.1:5000"": { ""auth"": """ + Base64("tester:pa:55") + @""" },
		""plain.example:5000"": { ""username"": ""alice"", ""password"": ""wonder"" },
		""token.example"": { ""auth"": """ + Base64("bob:") + @""", ""identitytoken"": ""refresh-1"" },
		""https://legacy.example/v1/"": { ""auth"": """ + Base64("carol:old") + @""" },
		""https://index.docker.io/v1/"": { ""Auth"": """ + Base64("hubuser:hubpass") + @""" },
		""empty.example"": {}
	}
}");
            DockerCredentialStore store = _sandbox.Store();

            RegistryCredential? basic = await store.GetAsync(Registry);
            Assert.Equal(("tester", "pa:55"), (basic!.UserName, basic.Secret)); // only the first ':' separates
            RegistryCredential? plain = await store.GetAsync("plain.example:5000");
            Assert.Equal(("alice", "wonder"), (plain!.UserName, plain.Secret));
            RegistryCredential? token = await store.GetAsync("token.example");
            Assert.True(token!.IsIdentityToken);
            Assert.Equal("refresh-1", token.Secret);
            RegistryCredential? legacy = await store.GetAsync("legacy.example");
            Assert.Equal(("carol", "old"), (legacy!.UserName, legacy.Secret));
            foreach (string hub in new[] { "docker.io", "index.docker.io", "registry-1.docker.io" })
            {
                Assert.Equal("hubuser", (await store.GetAsync(hub))!.UserName);
            }

            Assert.Null(await store.GetAsync("empty.example"));
            Assert.Null(await store.GetAsync("elsewhere.example"));
        }

        [Fact]
        public async Task A_first_login_creates_an_owner_only_folder_and_file_in_the_CLI_s_own_layout()
        {
            await _sandbox.Store().StoreAsync(Registry, new RegistryCredential("tester", "pa55"));

            Assert.Equal("{\n\t\"auths\": {\n\t\t\"127.0.0.1:5000\": {\n\t\t\t\"auth\": \"" + Base64("tester:pa55") + "\"\n\t\t}\n\t}\n}", _sandbox.ReadConfig());
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_sandbox.ConfigFile));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_sandbox.ConfigDirectory));
            Assert.Equal("tester", (await _sandbox.Store().GetAsync(Registry))!.UserName);
        }

        [Fact]
        public async Task Storing_and_erasing_changes_auths_alone_and_erasing_restores_the_file_byte_for_byte()
        {
            // Escapes as Go writes them, numbers, unknown settings, a context: none of it ours to rewrite.
            string original = "{\n\t\"auths\": {\n\t\t\"a.example\": {\n\t\t\t\"auth\": \"" + Base64("a:b") + "\"\n\t\t},\n\t\t\"z.example\": {}\n\t},"
                + "\n\t\"psFormat\": \"table {{.ID}}\\t\\u003c{{.Names}}\\u003e\",\n\t\"currentContext\": \"remote\",\n\t\"retries\": 1.50,"
                + "\n\t\"plugins\": {\n\t\t\"x\": {\n\t\t\t\"enabled\": \"true\"\n\t\t}\n\t},\n\t\"unknownToDocker\": [1, 2, 3]\n}\n";
            _sandbox.WriteConfig(original);
            DockerCredentialStore store = _sandbox.Store();

            await store.StoreAsync("m.example", new RegistryCredential("mike", "pw"));

            string expected = original.Replace(
                "\t\t},\n\t\t\"z.example\": {}",
                "\t\t},\n\t\t\"m.example\": {\n\t\t\t\"auth\": \"" + Base64("mike:pw") + "\"\n\t\t},\n\t\t\"z.example\": {}");
            Assert.Equal(expected, _sandbox.ReadConfig());

            Assert.True(await store.EraseAsync("m.example"));
            Assert.Equal(original, _sandbox.ReadConfig());
        }

        [Theory]
        [InlineData("{\n  \"currentContext\": \"x\"\n}", "{\n  \"auths\": {\n    \"127.0.0.1:5000\": {\n      \"auth\": \"AUTH\"\n    }\n  },\n  \"currentContext\": \"x\"\n}")]
        [InlineData("{\r\n    \"currentContext\": \"x\"\r\n}\r\n", "{\r\n    \"auths\": {\r\n        \"127.0.0.1:5000\": {\r\n            \"auth\": \"AUTH\"\r\n        }\r\n    },\r\n    \"currentContext\": \"x\"\r\n}\r\n")]
        [InlineData("{\"currentContext\":\"x\"}", "{\"auths\":{\"127.0.0.1:5000\":{\"auth\":\"AUTH\"}},\"currentContext\":\"x\"}")]
        [InlineData("{}", "{\n\t\"auths\": {\n\t\t\"127.0.0.1:5000\": {\n\t\t\t\"auth\": \"AUTH\"\n\t\t}\n\t}\n}")]
        public async Task What_is_added_follows_the_file_s_own_indentation_and_line_endings(string original, string expected)
        {
            _sandbox.WriteConfig(original);
            await _sandbox.Store().StoreAsync(Registry, new RegistryCredential("tester", "pa55"));
            Assert.Equal(expected.Replace("AUTH", Base64("tester:pa55")), _sandbox.ReadConfig());
        }

        [Fact]
        public async Task A_new_login_replaces_the_credential_fields_of_an_entry_in_place_and_keeps_the_rest()
        {
            _sandbox.WriteConfig("{\n\t\"auths\": {\n\t\t\"127.0.0.1:5000\": {\n\t\t\t\"username\": \"old\",\n\t\t\t\"password\": \"oldpw\",\n\t\t\t\"email\": \"me@example.com\",\n\t\t\t\"identitytoken\": \"stale\"\n\t\t}\n\t}\n}");
            DockerCredentialStore store = _sandbox.Store();

            await store.StoreAsync(Registry, new RegistryCredential("tester", "pa55"));
            Assert.Equal("{\n\t\"auths\": {\n\t\t\"127.0.0.1:5000\": {\n\t\t\t\"email\": \"me@example.com\",\n\t\t\t\"auth\": \"" + Base64("tester:pa55") + "\"\n\t\t}\n\t}\n}", _sandbox.ReadConfig());

            await store.StoreAsync(Registry, RegistryCredential.FromIdentityToken("refresh-2"));
            Assert.Equal("{\n\t\"auths\": {\n\t\t\"127.0.0.1:5000\": {\n\t\t\t\"email\": \"me@example.com\",\n\t\t\t\"identitytoken\": \"refresh-2\"\n\t\t}\n\t}\n}", _sandbox.ReadConfig());
            Assert.Equal("refresh-2", (await store.GetAsync(Registry))!.Secret);
        }

        [Fact]
        public async Task Erasing_removes_the_entry_and_every_URL_form_of_the_same_host()
        {
            _sandbox.WriteConfig("{\"auths\":{\"legacy.example\":{\"auth\":\"" + Base64("a:1") + "\"},\"https://legacy.example/v1/\":{\"auth\":\"" + Base64("b:2") + "\"},"
                + "\"http://legacy.example\":{\"auth\":\"" + Base64("c:3") + "\"},\"other.example\":{\"auth\":\"" + Base64("d:4") + "\"}}}");
            DockerCredentialStore store = _sandbox.Store();

            Assert.True(await store.EraseAsync("legacy.example"));
            Assert.Null(await store.GetAsync("legacy.example"));
            Assert.Equal("{\"auths\":{\"other.example\":{\"auth\":\"" + Base64("d:4") + "\"}}}", _sandbox.ReadConfig());
            Assert.False(await store.EraseAsync("legacy.example"));
        }

        [Fact]
        public async Task Erasing_a_login_that_is_not_there_leaves_the_file_untouched()
        {
            _sandbox.WriteConfig("{ \"auths\": { \"other.example\": {} } }");
            DateTime written = File.GetLastWriteTimeUtc(_sandbox.ConfigFile);
            await Task.Delay(20);
            Assert.False(await _sandbox.Store().EraseAsync(Registry));
            Assert.Equal("{ \"auths\": { \"other.example\": {} } }", _sandbox.ReadConfig());
            Assert.Equal(written, File.GetLastWriteTimeUtc(_sandbox.ConfigFile));
        }

        [Fact]
        public async Task The_file_is_replaced_atomically_left_owner_only_and_a_symbolic_link_stays_a_link()
        {
            string realFile = Path.Combine(_sandbox.Root, "dotfiles", "docker-config.json");
            Directory.CreateDirectory(Path.GetDirectoryName(realFile)!);
            File.WriteAllText(realFile, "{\"currentContext\":\"x\"}");
            File.SetUnixFileMode(realFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            Directory.CreateDirectory(_sandbox.ConfigDirectory);
            File.CreateSymbolicLink(_sandbox.ConfigFile, realFile);

            await _sandbox.Store().StoreAsync(Registry, new RegistryCredential("tester", "pa55"));

            Assert.Equal(realFile, new FileInfo(_sandbox.ConfigFile).LinkTarget);
            Assert.Contains(Base64("tester:pa55"), File.ReadAllText(realFile));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(realFile));
            Assert.Equal(new[] { "docker-config.json" }, Directory.GetFiles(Path.GetDirectoryName(realFile)!).Select(Path.GetFileName));
            Assert.Equal(new[] { "config.json" }, Directory.GetFiles(_sandbox.ConfigDirectory).Select(Path.GetFileName));
        }

        [Fact]
        public async Task A_pre_existing_world_readable_file_becomes_owner_only()
        {
            _sandbox.WriteConfig("{}");
            File.SetUnixFileMode(_sandbox.ConfigFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            await _sandbox.Store().StoreAsync(Registry, new RegistryCredential("tester", "pa55"));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_sandbox.ConfigFile));
        }

        [Fact]
        public async Task A_byte_order_mark_is_read_past_and_not_written_back()
        {
            Directory.CreateDirectory(_sandbox.ConfigDirectory);
            File.WriteAllText(_sandbox.ConfigFile, "{\"auths\":{}}", new UTF8Encoding(true));
            await _sandbox.Store().StoreAsync(Registry, new RegistryCredential("tester", "pa55"));
            byte[] written = File.ReadAllBytes(_sandbox.ConfigFile);
            Assert.Equal((byte)'{', written[0]);
            Assert.Equal("tester", (await _sandbox.Store().GetAsync(Registry))!.UserName);
        }

        [Fact]
        public async Task List_names_the_logins_with_credentials_sorted_and_never_their_secrets()
        {
            _sandbox.WriteConfig("{\"auths\":{\"z.example\":{\"auth\":\"" + Base64("zed:zpw") + "\"},\"empty.example\":{},"
                + "\"https://index.docker.io/v1/\":{\"auth\":\"" + Base64("hub:hpw") + "\"},\"t.example\":{\"identitytoken\":\"tok\"}}}");

            var listed = await _sandbox.Store().ListAsync();

            Assert.Equal(new[] { "docker.io", "t.example", "z.example" }, listed.Select(entry => entry.Registry));
            Assert.Equal("https://index.docker.io/v1/", listed[0].ServerAddress);
            Assert.Equal("hub", listed[0].UserName);
            Assert.True(listed[1].IsIdentityToken);
            Assert.Null(listed[1].UserName);
            Assert.All(listed, entry => Assert.Equal(CredentialLocation.ConfigFile, entry.Location));
            Assert.Equal("z.example (zed, config.json)", listed[2].ToString());
        }

        [Theory]
        [InlineData("{ not json", "is not valid JSON")]
        [InlineData("[]", "should hold a JSON object")]
        [InlineData("{\"auths\": []}", "\"auths\" should be an object")]
        [InlineData("{\"credsStore\": 3}", "\"credsStore\" should be a string")]
        [InlineData("{\"credHelpers\": {\"x\": 1}}", "maps to a number")]
        public async Task A_malformed_file_is_a_clear_error_that_names_it(string content, string problem)
        {
            _sandbox.WriteConfig(content);
            var error = await Assert.ThrowsAsync<CredentialStoreException>(() => _sandbox.Store().GetAsync(Registry));
            Assert.Contains(_sandbox.ConfigFile, error.Message);
            Assert.Contains(problem, error.Message);
            Assert.Equal(_sandbox.ConfigFile, error.ConfigFile);
        }

        [Fact]
        public async Task A_malformed_login_is_reported_without_its_value_and_does_not_stop_the_others()
        {
            string badAuth = Base64("no-colon-topsecret");
            _sandbox.WriteConfig("{\"auths\":{\"" + Registry + "\":{\"auth\":\"" + badAuth + "\"},\"ok.example\":{\"auth\":\"" + Base64("a:b") + "\"},"
                + "\"b64.example\":{\"auth\":\"%%%topsecret%%%\"}}}");
            DockerCredentialStore store = _sandbox.Store();

            var error = await Assert.ThrowsAsync<CredentialStoreException>(() => store.GetAsync(Registry));
            Assert.Contains("'" + Registry + "'", error.Message);
            Assert.DoesNotContain("topsecret", error.Message);
            Assert.DoesNotContain(badAuth, error.Message);
            var notBase64 = await Assert.ThrowsAsync<CredentialStoreException>(() => store.GetAsync("b64.example"));
            Assert.DoesNotContain("topsecret", notBase64.Message);
            Assert.Equal("a", (await store.GetAsync("ok.example"))!.UserName);

            // Replacing the broken login needs no decoding of it.
            await store.StoreAsync(Registry, new RegistryCredential("tester", "pa55"));
            Assert.Equal("tester", (await store.GetAsync(Registry))!.UserName);
        }

        [Fact]
        public async Task A_registry_named_twice_in_auths_stops_a_write_with_a_clear_error()
        {
            _sandbox.WriteConfig("{\"auths\":{\"a.example\":{},\"a.example\":{}}}");
            var error = await Assert.ThrowsAsync<CredentialStoreException>(() => _sandbox.Store().StoreAsync(Registry, new RegistryCredential("tester", "pa55")));
            Assert.Contains("twice", error.Message);
            Assert.Equal("{\"auths\":{\"a.example\":{},\"a.example\":{}}}", _sandbox.ReadConfig());
        }

        [Fact]
        public async Task DOCKER_AUTH_CONFIG_is_consulted_first_by_exact_key_and_ignored_when_unreadable()
        {
            _sandbox.WriteConfig("{\"auths\":{\"" + Registry + "\":{\"auth\":\"" + Base64("fromfile:1") + "\"}}}");
            DockerCredentialStore store = _sandbox.Store();

            _sandbox.Environment["DOCKER_AUTH_CONFIG"] = "{\"auths\":{\"" + Registry + "\":{\"auth\":\"" + Base64("fromenv:2") + "\"}}}";
            Assert.Equal("fromenv", (await store.GetAsync(Registry))!.UserName);
            var listed = Assert.Single(await store.ListAsync());
            Assert.Equal(CredentialLocation.EnvironmentVariable, listed.Location);

            _sandbox.Environment["DOCKER_AUTH_CONFIG"] = "{ not json";
            Assert.Equal("fromfile", (await store.GetAsync(Registry))!.UserName);
        }

        private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
    }
}
