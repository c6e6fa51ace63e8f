using Containers.Commands.Registries;
using Containers.Engine.CredentialStore;
using Containers.Engine.Credentials;
using Containers.Engine.Registries;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Registries
{
    /// <summary>Connect-, Get- and Disconnect-ContainerRegistry against the private registry, in a login store of the test's own.</summary>
    public sealed class RegistryLoginCommandTests : RegistryCommandTest
    {
        private ConnectRegistryCommand Connect(RegistryCredential credential, string? registry = null) =>
            new ConnectRegistryCommand(Sandbox.Store(), new RegistryLoginCheck()) { Registry = registry ?? Registry.Host, Credential = credential };

        [Fact]
        public async Task Connect_checks_the_login_stores_it_for_both_tools_and_returns_where_it_went()
        {
            var output = new RecordingOutput();
            ContainerRegistry login = (await Connect(GoodCredential).ExecuteAsync(output, default))!;

            Assert.Same(login, Assert.Single(output.Objects));
            Assert.Equal((Registry.Host, Registry.Host, Registry.UserName, false), (login.Registry, login.ServerAddress, login.UserName, login.IsIdentityToken));
            Assert.Equal((CredentialLocation.ConfigFile, Sandbox.ConfigFile, (bool?)true), (login.Location, login.StoredIn, login.Verified));
            Assert.Contains(output.Verbose, line => line.Contains("plain HTTP", StringComparison.Ordinal));
            AssertNeverShown(output, Registry.Password);

            RegistryCredential? stored = await Sandbox.Store().GetAsync(Registry.Host);
            Assert.Equal((Registry.UserName, Registry.Password), (stored!.UserName, stored.Secret));
            // The docker CLI sees it too: it logs out of what we logged in to.
            Assert.Contains("Removing login credentials for " + Registry.Host, DockerCli.Run(Sandbox.ConfigDirectory, new[] { "logout", Registry.Host }, Sandbox.CliVariables));
        }

        [Fact]
        public async Task Connect_with_WhatIf_asks_first_and_neither_checks_nor_stores_the_login()
        {
            // A port nobody listens on: had the command checked the login, it would have failed to reach it.
            string unreachable = "127.0.0.1:" + LoopbackPort.Free();
            var output = new RecordingOutput { Approve = false };

            Assert.Null(await Connect(GoodCredential, unreachable).ExecuteAsync(output, default));

            var (target, action) = Assert.Single(output.Asked);
            Assert.Equal(unreachable, target);
            Assert.Contains(Registry.UserName + " (password hidden)", action, StringComparison.Ordinal);
            Assert.Contains(Sandbox.ConfigFile, action, StringComparison.Ordinal);
            Assert.Empty(output.Objects);
            Assert.Empty(output.Errors);
            Assert.False(File.Exists(Sandbox.ConfigFile), "nothing was written");
            AssertNeverShown(output, Registry.Password);
        }

        [Fact]
        public async Task Connect_with_a_bad_password_stores_nothing_and_never_shows_the_password()
        {
            var output = new RecordingOutput();
            var refused = await Assert.ThrowsAsync<RegistryCredentialsRejectedException>(() => Connect(WrongCredential).ExecuteAsync(output, default));

            CommandError error = ErrorClassifier.Classify(refused, Registry.Host);
            Assert.Equal(("RegistryCredentialsRejected", ErrorKind.AuthenticationError), (error.ErrorId, error.Kind));
            Assert.False(File.Exists(Sandbox.ConfigFile), "nothing was written");
            Assert.Null(await Sandbox.Store().GetAsync(Registry.Host));
            Assert.Empty(output.Objects);
            Assert.DoesNotContain(WrongPassword, refused.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(WrongPassword, error.Message, StringComparison.Ordinal);
            AssertNeverShown(output, WrongPassword);
        }

        [Fact]
        public async Task Connect_to_a_registry_that_does_not_answer_is_a_ConnectionError_and_stores_nothing()
        {
            int port = LoopbackPort.Free();
            var unreachable = await Assert.ThrowsAsync<RegistryUnreachableException>(() => Connect(GoodCredential, "127.0.0.1:" + port).ExecuteAsync(new RecordingOutput(), default));
            Assert.Equal(("RegistryUnreachable", ErrorKind.ConnectionError), (ErrorClassifier.Classify(unreachable, null).ErrorId, ErrorClassifier.Classify(unreachable, null).Kind));
            Assert.False(File.Exists(Sandbox.ConfigFile));
        }

        [Fact]
        public async Task Connect_with_an_identity_token_trades_it_at_the_token_service_and_stores_it_as_one()
        {
            using var registry = new global::Containers.Tests.Engine.Registries.TokenAuthRegistry();
            var output = new RecordingOutput();
            ContainerRegistry login = (await new ConnectRegistryCommand(Sandbox.Store(), new RegistryLoginCheck())
            {
                Registry = registry.Host,
                Credential = RegistryCredential.FromIdentityToken(global::Containers.Tests.Engine.Registries.TokenAuthRegistry.RefreshToken),
                UserName = "token-owner",
            }.ExecuteAsync(output, default))!;

            Assert.Equal(("token-owner", true, (bool?)true), (login.UserName, login.IsIdentityToken, login.Verified));
            Assert.Contains("\"identitytoken\": \"" + global::Containers.Tests.Engine.Registries.TokenAuthRegistry.RefreshToken + "\"", File.ReadAllText(Sandbox.ConfigFile), StringComparison.Ordinal);
            Assert.True((await Sandbox.Store().GetAsync(registry.Host))!.IsIdentityToken);
            AssertNeverShown(output, global::Containers.Tests.Engine.Registries.TokenAuthRegistry.RefreshToken);
        }

        [Fact]
        public async Task A_blank_registry_is_refused_naming_the_parameter()
        {
            var invalid = await Assert.ThrowsAsync<InvalidParameterException>(() => Connect(GoodCredential, "  ").ExecuteAsync(new RecordingOutput(), default));
            Assert.Equal("InvalidRegistry", ErrorClassifier.Classify(invalid, null).ErrorId);
        }

        [Theory]
        [InlineData("not a host", "'not a host' is not a registry host")]
        [InlineData("127.0.0.1:99999", "a port is 1 to 65535")]
        [InlineData("https://not a host/v2/", "'not a host' is not a registry host")]
        public async Task A_registry_that_is_no_host_is_refused_before_anything_is_asked_or_stored(string registry, string reason)
        {
            var output = new RecordingOutput();
            var invalid = await Assert.ThrowsAsync<InvalidParameterException>(() => Connect(GoodCredential, registry).ExecuteAsync(output, default));
            CommandError error = ErrorClassifier.Classify(invalid, null);
            Assert.Equal(("InvalidRegistry", ErrorKind.InvalidArgument), (error.ErrorId, error.Kind));
            Assert.Contains(reason, error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("(Parameter", error.Message, StringComparison.Ordinal);
            Assert.Equal(registry, error.Target);
            Assert.Empty(output.Verbose);
            Assert.False(File.Exists(Sandbox.ConfigFile));
        }

        [Fact]
        public async Task Get_lists_logins_without_secrets_and_names_the_missing_ones()
        {
            await StoreLoginAsync();
            Sandbox.WriteConfig(File.ReadAllText(Sandbox.ConfigFile).Replace("\"auths\": {", "\"auths\": {\n\t\t\"https://index.docker.io/v1/\": {\"auth\": \"" + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("hubuser:hubsecret")) + "\"},", StringComparison.Ordinal));

            var all = new RecordingOutput();
            await new GetRegistryCommand(Sandbox.Store()).ExecuteAsync(all, default);
            Assert.Equal(new[] { Registry.Host, RegistryServerAddress.DockerHub },
                all.ObjectsOf<ContainerRegistry>().Select(login => login.ServerAddress).OrderBy(key => key, StringComparer.Ordinal));
            Assert.Equal("hubuser", all.ObjectsOf<ContainerRegistry>().Single(login => login.Registry == "docker.io").UserName);
            Assert.All(all.ObjectsOf<ContainerRegistry>(), login => Assert.Null(login.Verified));
            AssertNeverShown(all, "hubsecret");
            AssertNeverShown(all, Registry.Password);

            var named = new RecordingOutput();
            await new GetRegistryCommand(Sandbox.Store()) { Registry = new[] { "docker.io", "127.0.0.*", "nowhere.example:5000", "other*" } }.ExecuteAsync(named, default);
            Assert.Equal(new[] { "docker.io", Registry.Host }, named.ObjectsOf<ContainerRegistry>().Select(login => login.Registry));
            CommandError missing = Assert.Single(named.Errors);
            Assert.Equal(("RegistryLoginNotFound", ErrorKind.ObjectNotFound, (object)"nowhere.example:5000"), (missing.ErrorId, missing.Kind, missing.Target));
        }

        [Fact]
        public async Task Disconnect_removes_the_login_for_both_tools_honours_WhatIf_and_reports_a_missing_one()
        {
            await Connect(GoodCredential).ExecuteAsync(new RecordingOutput(), default);

            var whatIf = new RecordingOutput { Approve = false };
            await new DisconnectRegistryCommand(Sandbox.Store()) { Registry = new[] { Registry.Host } }.ExecuteAsync(whatIf, default);
            Assert.Equal(("login for " + Registry.Host + " in " + Sandbox.ConfigFile, "Remove the stored login"), Assert.Single(whatIf.Asked));
            Assert.NotNull(await Sandbox.Store().GetAsync(Registry.Host));

            var output = new RecordingOutput();
            await new DisconnectRegistryCommand(Sandbox.Store()) { Registry = new[] { Registry.Host }, PassThru = true }.ExecuteAsync(output, default);
            Assert.Equal(Registry.Host, Assert.Single(output.ObjectsOf<ContainerRegistry>()).Registry);
            Assert.Null(await Sandbox.Store().GetAsync(Registry.Host));
            Assert.DoesNotContain(Registry.Host, File.ReadAllText(Sandbox.ConfigFile), StringComparison.Ordinal);

            var again = new RecordingOutput();
            await new DisconnectRegistryCommand(Sandbox.Store()) { Registry = new[] { Registry.Host } }.ExecuteAsync(again, default);
            Assert.Equal("RegistryLoginNotFound", Assert.Single(again.Errors).ErrorId);
        }

        [Fact]
        public async Task A_login_from_DOCKER_AUTH_CONFIG_cannot_be_removed_from_here()
        {
            string auth = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("ci:secret"));
            Sandbox.Environment["DOCKER_AUTH_CONFIG"] = "{\"auths\": {\"ci.example:5000\": {\"auth\": \"" + auth + "\"}}}";

            var listed = new RecordingOutput();
            await new GetRegistryCommand(Sandbox.Store()).ExecuteAsync(listed, default);
            ContainerRegistry login = Assert.Single(listed.ObjectsOf<ContainerRegistry>());
            Assert.Equal((CredentialLocation.EnvironmentVariable, "DOCKER_AUTH_CONFIG"), (login.Location, login.StoredIn));

            var output = new RecordingOutput();
            await new DisconnectRegistryCommand(Sandbox.Store()) { Registry = new[] { "ci.example:5000" } }.ExecuteAsync(output, default);
            Assert.Equal(("RegistryLoginInEnvironment", ErrorKind.InvalidOperation), (Assert.Single(output.Errors).ErrorId, output.Errors[0].Kind));
            Assert.Empty(output.Asked);
        }
    }
}
