using System.Diagnostics;
using System.Runtime.Versioning;
using System.Text.Json;
using Containers.Engine.CredentialStore;
using Containers.Engine.Credentials;
using Xunit;

namespace Containers.Tests.Engine.CredentialStore
{
    /// <summary>
    /// Credential helpers, run for real: shell scripts written by the test that speak docker's helper protocol against
    /// a folder, found on the PATH of the store's environment. Which helper a registry goes to follows the CLI:
    /// credHelpers, then credsStore, then the platform's default helper when config.json configures nothing.
    /// </summary>
    [SupportedOSPlatform("linux")]
    public sealed class CredentialHelperTests : IDisposable
    {
        private const string Registry = "127.0.0.1:5000";
        private readonly CredentialSandbox _sandbox = new CredentialSandbox();

        public void Dispose() => _sandbox.Dispose();

        [Fact]
        public async Task With_credsStore_a_login_goes_to_the_helper_and_config_json_keeps_an_empty_entry_as_the_CLI_leaves()
        {
            FileBackedHelper helper = _sandbox.AddFileBackedHelper("teststore");
            _sandbox.WriteConfig("{\n\t\"auths\": {},\n\t\"credsStore\": \"teststore\"\n}");
            DockerCredentialStore store = _sandbox.Store();

            await store.StoreAsync(Registry, new RegistryCredential("tester", "pa55"));

            using (JsonDocument sent = JsonDocument.Parse(Assert.Single(helper.StoredJson)))
            {
                Assert.Equal(Registry, sent.RootElement.GetProperty("ServerURL").GetString());
                Assert.Equal("tester", sent.RootElement.GetProperty("Username").GetString());
                Assert.Equal("pa55", sent.RootElement.GetProperty("Secret").GetString());
            }

            Assert.Equal("{\n\t\"auths\": {\n\t\t\"127.0.0.1:5000\": {}\n\t},\n\t\"credsStore\": \"teststore\"\n}", _sandbox.ReadConfig());
            Assert.DoesNotContain("pa55", _sandbox.ReadConfig());
            Assert.Equal("teststore", store.GetHelperName(Registry));

            RegistryCredential? read = await store.GetAsync(Registry);
            Assert.Equal(("tester", "pa55"), (read!.UserName, read.Secret));
            StoredCredential listed = Assert.Single(await store.ListAsync());
            Assert.Equal((Registry, "tester", CredentialLocation.Helper, "teststore"), (listed.Registry, listed.UserName, listed.Location, listed.HelperName));

            Assert.True(await store.EraseAsync(Registry));
            Assert.Empty(helper.StoredJson);
            Assert.Equal("{\n\t\"auths\": {},\n\t\"credsStore\": \"teststore\"\n}", _sandbox.ReadConfig());
            Assert.Null(await store.GetAsync(Registry));
            Assert.False(await store.EraseAsync(Registry));
            Assert.Equal(new[] { "store " + Registry, "get " + Registry, "list", "erase " + Registry, "get " + Registry, "erase " + Registry }, helper.Calls);
        }

        [Fact]
        public async Task A_registry_sent_to_a_helper_is_looked_up_there_alone_not_in_auths()
        {
            _sandbox.AddFileBackedHelper("teststore");
            _sandbox.WriteConfig("{\"auths\":{\"" + Registry + "\":{\"auth\":\"" + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("stale:plaintext")) + "\"}},\"credsStore\":\"teststore\"}");
            Assert.Null(await _sandbox.Store().GetAsync(Registry));
        }

        [Fact]
        public async Task credHelpers_wins_for_its_registry_credsStore_takes_the_rest_and_an_empty_name_means_config_json()
        {
            FileBackedHelper specific = _sandbox.AddFileBackedHelper("specific");
            FileBackedHelper general = _sandbox.AddFileBackedHelper("general");
            _sandbox.WriteConfig("{\"credsStore\":\"general\",\"credHelpers\":{\"" + Registry + "\":\"specific\",\"infile.example\":\"\"}}");
            DockerCredentialStore store = _sandbox.Store();

            await store.StoreAsync(Registry, new RegistryCredential("s", "1"));
            await store.StoreAsync("other.example", new RegistryCredential("g", "2"));
            await store.StoreAsync("infile.example", new RegistryCredential("f", "3"));

            Assert.Contains(Registry, Assert.Single(specific.StoredJson));
            Assert.Contains("other.example", Assert.Single(general.StoredJson));
            Assert.Contains("\"infile.example\":{\"auth\":", _sandbox.ReadConfig());
            Assert.Equal(("specific", "general", null), (store.GetHelperName(Registry), store.GetHelperName("other.example"), store.GetHelperName("infile.example")));
            Assert.Equal("s", (await store.GetAsync(Registry))!.UserName);
            Assert.Equal("g", (await store.GetAsync("other.example"))!.UserName);
            Assert.Equal("f", (await store.GetAsync("infile.example"))!.UserName);

            var listed = await store.ListAsync();
            Assert.Equal(
                new[] { ("127.0.0.1:5000", "s", "specific"), ("infile.example", "f", (string?)null), ("other.example", "g", "general") },
                listed.Select(entry => (entry.Registry, entry.UserName!, entry.HelperName)));
        }

        [Fact]
        public async Task An_identity_token_goes_to_the_helper_as_the_token_user_and_comes_back_as_a_token()
        {
            FileBackedHelper helper = _sandbox.AddFileBackedHelper("teststore");
            _sandbox.WriteConfig("{\"credsStore\":\"teststore\"}");
            DockerCredentialStore store = _sandbox.Store();

            await store.StoreAsync("docker.io", RegistryCredential.FromIdentityToken("refresh-123"));

            using (JsonDocument sent = JsonDocument.Parse(Assert.Single(helper.StoredJson)))
            {
                Assert.Equal("https://index.docker.io/v1/", sent.RootElement.GetProperty("ServerURL").GetString());
                Assert.Equal("<token>", sent.RootElement.GetProperty("Username").GetString());
                Assert.Equal("refresh-123", sent.RootElement.GetProperty("Secret").GetString());
            }

            RegistryCredential? read = await store.GetAsync("index.docker.io");
            Assert.True(read!.IsIdentityToken);
            Assert.Equal("refresh-123", read.Secret);
            Assert.True(Assert.Single(await store.ListAsync()).IsIdentityToken);
        }

        [Fact]
        public async Task A_missing_helper_is_an_error_naming_the_program_and_the_setting_that_asked_for_it()
        {
            _sandbox.WriteConfig("{\"credsStore\":\"nosuch\",\"credHelpers\":{\"gcr.example\":\"alsomissing\"}}");
            DockerCredentialStore store = _sandbox.Store();

            var fromStore = await Assert.ThrowsAsync<CredentialHelperException>(() => store.GetAsync(Registry));
            Assert.Equal(CredentialHelperFailure.NotInstalled, fromStore.Failure);
            Assert.Equal("nosuch", fromStore.HelperName);
            Assert.Contains("'docker-credential-nosuch' is not on the PATH", fromStore.Message);
            Assert.Contains("credsStore in '" + _sandbox.ConfigFile + "'", fromStore.Message);

            var fromHelpers = await Assert.ThrowsAsync<CredentialHelperException>(() => store.StoreAsync("gcr.example", new RegistryCredential("u", "p")));
            Assert.Contains("docker-credential-alsomissing", fromHelpers.Message);
            Assert.Contains("credHelpers[\"gcr.example\"]", fromHelpers.Message);
            Assert.False(File.ReadAllText(_sandbox.ConfigFile).Contains("auths", StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_helper_nobody_may_execute_or_named_with_a_path_is_not_run()
        {
            string path = _sandbox.AddHelper("noexec", "#!/bin/sh\necho '{\"Username\":\"u\",\"Secret\":\"s\"}'\n");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            _sandbox.WriteConfig("{\"credsStore\":\"noexec\",\"credHelpers\":{\"x.example\":\"../helpers/docker-credential-noexec\"}}");

            Assert.Equal(CredentialHelperFailure.NotInstalled, (await Assert.ThrowsAsync<CredentialHelperException>(() => _sandbox.Store().GetAsync(Registry))).Failure);
            var pathName = await Assert.ThrowsAsync<CredentialHelperException>(() => _sandbox.Store().GetAsync("x.example"));
            Assert.Contains("is not a credential helper name", pathName.Message);
        }

        [Fact]
        public async Task A_hung_helper_is_killed_with_its_children_at_the_timeout_and_reported_by_name()
        {
            string pidFile = Path.Combine(_sandbox.Root, "hung.pid");
            string childFile = Path.Combine(_sandbox.Root, "child.pid");
            _sandbox.AddHelper("hung", "#!/bin/sh\necho $$ > '" + pidFile + "'\nsleep 600 &\necho $! > '" + childFile + "'\nwait\n");
            _sandbox.WriteConfig("{\"credsStore\":\"hung\"}");
            var clock = Stopwatch.StartNew();

            var error = await Assert.ThrowsAsync<CredentialHelperException>(() => _sandbox.Store(TimeSpan.FromSeconds(1)).GetAsync(Registry));

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
            Assert.Equal(CredentialHelperFailure.TimedOut, error.Failure);
            Assert.Contains("'docker-credential-hung'", error.Message);
            Assert.Contains("within 1 s and was stopped", error.Message);
            AssertGone(ReadPid(pidFile));
            AssertGone(ReadPid(childFile));
        }

        [Fact]
        public async Task Cancelling_stops_a_hung_helper_at_once()
        {
            _sandbox.AddHelper("hung", "#!/bin/sh\nexec sleep 600\n");
            _sandbox.WriteConfig("{\"credsStore\":\"hung\"}");
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            var clock = Stopwatch.StartNew();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _sandbox.Store().GetAsync(Registry, cancel.Token));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        }

        [Fact]
        public async Task A_failing_helper_s_message_is_passed_on_without_the_password_it_echoed()
        {
            _sandbox.AddHelper("broken", "#!/bin/sh\ninput=$(cat)\necho \"cannot store $input: keychain locked\"\nexit 3\n");
            _sandbox.WriteConfig("{\"credsStore\":\"broken\"}");

            var error = await Assert.ThrowsAsync<CredentialHelperException>(
                () => _sandbox.Store().StoreAsync(Registry, new RegistryCredential("tester", "Sup3r\"Secret")));

            Assert.Equal(CredentialHelperFailure.Failed, error.Failure);
            Assert.Contains("'docker-credential-broken'", error.Message);
            Assert.Contains("exit code 3", error.Message);
            Assert.Contains("keychain locked", error.Message);
            Assert.DoesNotContain("Sup3r", error.Message);
            Assert.DoesNotContain("Secret", error.Message.Replace("\"Secret\"", string.Empty, StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_helper_answering_something_other_than_credentials_JSON_is_an_invalid_answer()
        {
            _sandbox.AddHelper("garbage", "#!/bin/sh\ncat > /dev/null\necho 'Username: tester / Secret: hunter2'\n");
            _sandbox.WriteConfig("{\"credsStore\":\"garbage\"}");
            var error = await Assert.ThrowsAsync<CredentialHelperException>(() => _sandbox.Store().GetAsync(Registry));
            Assert.Equal(CredentialHelperFailure.InvalidAnswer, error.Failure);
            Assert.DoesNotContain("hunter2", error.Message);
        }

        [Fact]
        public async Task With_nothing_configured_the_platform_default_helper_is_used_when_installed_and_recorded_as_credsStore()
        {
            FileBackedHelper secretService = _sandbox.AddFileBackedHelper("secretservice");
            DockerCredentialStore store = _sandbox.Store();
            Assert.Equal("secretservice", store.GetHelperName(Registry));

            await store.StoreAsync(Registry, new RegistryCredential("tester", "pa55"));

            Assert.Single(secretService.StoredJson);
            Assert.Equal("{\n\t\"auths\": {\n\t\t\"127.0.0.1:5000\": {}\n\t},\n\t\"credsStore\": \"secretservice\"\n}", _sandbox.ReadConfig());
            Assert.Equal("tester", (await store.GetAsync(Registry))!.UserName);
        }

        [Fact]
        public void On_Linux_pass_is_the_default_helper_when_pass_itself_is_installed()
        {
            _sandbox.AddFileBackedHelper("secretservice");
            _sandbox.AddFileBackedHelper("pass");
            Assert.Equal("secretservice", _sandbox.Store().GetHelperName(Registry));
            File.WriteAllText(Path.Combine(_sandbox.HelperDirectory, "pass"), "#!/bin/sh\nexit 0\n");
            File.SetUnixFileMode(Path.Combine(_sandbox.HelperDirectory, "pass"), UnixFileMode.UserRead | UnixFileMode.UserExecute);
            Assert.Equal("pass", _sandbox.Store().GetHelperName(Registry));
        }

        [Fact]
        public async Task Any_login_setting_in_config_json_turns_the_platform_default_off()
        {
            _sandbox.AddFileBackedHelper("secretservice");
            _sandbox.WriteConfig("{\"auths\":{\"elsewhere.example\":{}}}");
            DockerCredentialStore store = _sandbox.Store();
            Assert.Null(store.GetHelperName(Registry));
            await store.StoreAsync(Registry, new RegistryCredential("tester", "pa55"));
            Assert.Contains("\"auth\":", _sandbox.ReadConfig());
        }

        private static int ReadPid(string file) => int.Parse(File.ReadAllText(file).Trim(), System.Globalization.CultureInfo.InvariantCulture);

        private static void AssertGone(int pid)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(5))
            {
                string status = Path.Combine("/proc", pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "status");
                if (!File.Exists(status) || File.ReadAllText(status).Contains("State:\tZ", StringComparison.Ordinal))
                {
                    return;
                }

                Thread.Sleep(50);
            }

            Assert.Fail($"The hung helper (pid {pid}) is still running.");
        }
    }
}
