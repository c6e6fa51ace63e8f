using System.Text;
using System.Text.Json;
using Containers.Commands.Registries;
using Containers.Engine.CredentialStore;
using Containers.Engine.Credentials;
using Containers.Engine.Registries;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Provisioning.AzureTokens;
using Containers.Tests.Engine.CredentialStore;
using Containers.Tests.Engine.Registries;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Registries
{
    /// <summary>
    /// Connect-ContainerRegistry -AzureContainerRegistry against a loopback server that answers like ACR's
    /// /oauth2/exchange, in a login store of the test's own. No Azure here: tokens are crafted JWTs, and the Azure
    /// credential is a fake token source installed where the module looks for one.
    /// </summary>
    [Collection(AzureTokenSourcesCollection.Name)]
    [RequiresEngine]
    public sealed class AzureRegistryLoginTests : IDisposable
    {
        private const string Tenant = EntraTokens.Tenant;

        private readonly CredentialSandbox _sandbox = new CredentialSandbox();
        private readonly Func<string?, IAzureTokenSource>? _factoryBefore = AzureTokenSources.Factory;

        public void Dispose()
        {
            AzureTokenSources.Factory = _factoryBefore;
            _sandbox.Dispose();
        }

        private static AzureRegistryTokenExchange LoopbackExchange => new AzureRegistryTokenExchange(TimeSpan.FromSeconds(10)) { AllowLoopbackHttp = true };

        private ConnectAzureRegistryCommand Connect(string registry, string? accessToken = null, string? tenantId = null, AzureRegistryTokenExchange? exchange = null) =>
            new ConnectAzureRegistryCommand(_sandbox.Store(), exchange ?? LoopbackExchange) { Registry = registry, AccessToken = accessToken, TenantId = tenantId };

        [Fact]
        public async Task WhatIf_exchanges_no_token_and_stores_nothing()
        {
            string token = EntraTokens.Jwt(Tenant);
            using var registry = new FakeAzureRegistry(token, Tenant);
            var output = new RecordingOutput { Approve = false };

            Assert.Null(await Connect(registry.Host, token).ExecuteAsync(output, default));

            Assert.Equal(registry.Host, Assert.Single(output.Asked).Target);
            Assert.Empty(registry.Exchanges);
            Assert.Empty(output.Objects);
            Assert.False(File.Exists(_sandbox.ConfigFile), "nothing was written");
        }

        [Fact]
        public async Task The_access_token_is_exchanged_and_the_refresh_token_stored_as_docker_login_would_store_it()
        {
            string token = EntraTokens.Jwt(Tenant);
            using var registry = new FakeAzureRegistry(token, Tenant);
            var output = new RecordingOutput();

            ContainerRegistry login = (await Connect(registry.Host, token).ExecuteAsync(output, default))!;

            IReadOnlyDictionary<string, string> fields = Assert.Single(registry.Exchanges);
            Assert.Equal(
                new Dictionary<string, string> { ["grant_type"] = "access_token", ["service"] = registry.Host, ["tenant"] = Tenant, ["access_token"] = token },
                fields);
            Assert.Same(login, Assert.Single(output.Objects));
            Assert.Equal((registry.Host, AzureRegistryTokenExchange.UserName, false, (bool?)true), (login.Registry, login.UserName, login.IsIdentityToken, login.Verified));
            Assert.Equal((CredentialLocation.ConfigFile, _sandbox.ConfigFile), (login.Location, login.StoredIn));

            // Read back through our store...
            RegistryCredential? stored = await _sandbox.Store().GetAsync(registry.Host);
            Assert.Equal(("00000000-0000-0000-0000-000000000000", FakeAzureRegistry.RefreshToken), (stored!.UserName, stored.Secret));

            // ...and as the docker CLI reads config.json without a credential helper: auths[host].auth = base64(user:password).
            string config = _sandbox.ReadConfig();
            using (JsonDocument document = JsonDocument.Parse(config))
            {
                string auth = document.RootElement.GetProperty("auths").GetProperty(registry.Host).GetProperty("auth").GetString()!;
                Assert.Equal("00000000-0000-0000-0000-000000000000:" + FakeAzureRegistry.RefreshToken, Encoding.UTF8.GetString(Convert.FromBase64String(auth)));
            }

            // The access token is a credential for the whole tenant: it is written nowhere, shown nowhere.
            Assert.DoesNotContain(token, config, StringComparison.Ordinal);
            AssertNeverShown(output, token);
            AssertNeverShown(output, FakeAzureRegistry.RefreshToken);

            // The docker CLI sees the login: it logs out of it.
            Assert.Contains("Removing login credentials for " + registry.Host, DockerCli.Run(_sandbox.ConfigDirectory, new[] { "logout", registry.Host }, _sandbox.CliVariables));
        }

        [Fact]
        public async Task TenantId_is_sent_as_given_and_then_the_token_need_not_be_a_JWT()
        {
            const string opaque = "an-opaque-token-that-is-no-jwt";
            using var registry = new FakeAzureRegistry(opaque, "contoso.onmicrosoft.com");

            await Connect(registry.Host, opaque, "contoso.onmicrosoft.com").ExecuteAsync(new RecordingOutput(), default);

            Assert.Equal("contoso.onmicrosoft.com", Assert.Single(registry.Exchanges)["tenant"]);
            Assert.Equal(FakeAzureRegistry.RefreshToken, (await _sandbox.Store().GetAsync(registry.Host))!.Secret);
        }

        [Fact]
        public async Task The_tenant_is_read_from_the_tid_claim_of_a_base64url_payload()
        {
            // A payload whose base64url holds '-' and '_' and no padding: plain base64 decoding would refuse it.
            string token = Enumerable.Range(0, 64).Select(n => EntraTokens.Jwt(Tenant, padding: new string('>', n % 7) + new string('?', n / 7)))
                .First(jwt => jwt.Split('.')[1] is string payload && payload.Contains('-') && payload.Contains('_') && payload.Length % 4 != 0);
            using var registry = new FakeAzureRegistry(token, Tenant);

            await Connect(registry.Host, token).ExecuteAsync(new RecordingOutput(), default);

            Assert.Equal(Tenant, Assert.Single(registry.Exchanges)["tenant"]);
        }

        [Theory]
        [InlineData("not-a-jwt")]
        [InlineData("a.b")]
        [InlineData("eyJhbGciOiJub25lIn0.!!!.sig")]
        public async Task A_token_that_is_not_a_JWT_when_the_tenant_is_needed_is_refused_before_anything_is_sent(string token)
        {
            using var registry = new FakeAzureRegistry(token, Tenant);
            var output = new RecordingOutput();

            var invalid = await Assert.ThrowsAsync<InvalidParameterException>(() => Connect(registry.Host, token).ExecuteAsync(output, default));

            CommandError error = ErrorClassifier.Classify(invalid, null);
            Assert.Equal(("InvalidAccessToken", ErrorKind.InvalidArgument), (error.ErrorId, error.Kind));
            Assert.Contains("-TenantId", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(token, error.Message, StringComparison.Ordinal);
            Assert.Null(error.Target);
            Assert.Empty(registry.Requests);
            Assert.False(File.Exists(_sandbox.ConfigFile));
        }

        [Fact]
        public async Task A_JWT_without_a_tid_claim_is_refused_the_same_way()
        {
            string token = EntraTokens.Jwt(tenant: null);
            var invalid = await Assert.ThrowsAsync<InvalidParameterException>(() => Connect("127.0.0.1:1", token).ExecuteAsync(new RecordingOutput(), default));
            Assert.Equal("InvalidAccessToken", ErrorClassifier.Classify(invalid, null).ErrorId);
        }

        [Fact]
        public async Task A_refused_token_is_an_AuthenticationError_naming_the_registry_and_its_message_and_stores_nothing()
        {
            string good = EntraTokens.Jwt(Tenant);
            string bad = EntraTokens.Jwt(Tenant);
            using var registry = new FakeAzureRegistry(good, Tenant);
            var output = new RecordingOutput();

            var refused = await Assert.ThrowsAsync<RegistryCredentialsRejectedException>(() => Connect(registry.Host, bad).ExecuteAsync(output, default));

            CommandError error = ErrorClassifier.Classify(refused, null);
            Assert.Equal(("RegistryCredentialsRejected", ErrorKind.AuthenticationError), (error.ErrorId, error.Kind));
            Assert.Contains(registry.Host, error.Message, StringComparison.Ordinal);
            Assert.Contains(FakeAzureRegistry.RefusalMessage, error.Message, StringComparison.Ordinal);
            Assert.Contains("401", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(bad, refused.ToString(), StringComparison.Ordinal);
            AssertNeverShown(output, bad);
            Assert.False(File.Exists(_sandbox.ConfigFile));
            Assert.Empty(output.Objects);
        }

        [Fact]
        public async Task A_malformed_exchange_answered_400_is_an_AuthenticationError_too()
        {
            string token = EntraTokens.Jwt(Tenant);
            using var registry = new FakeAzureRegistry(token, Tenant);

            // The fake checks that service names the registry it plays; a request for another name gets ACR's 400.
            registry.Service = "another.azurecr.io";
            var refused = await Assert.ThrowsAsync<RegistryCredentialsRejectedException>(() => LoopbackExchange.ExchangeAsync(registry.Host, Tenant, token));

            Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("malformed exchange request", refused.Message, StringComparison.Ordinal);
            Assert.Equal(ErrorKind.AuthenticationError, ErrorClassifier.Classify(refused, null).Kind);
        }

        [Fact]
        public async Task An_unreachable_registry_is_a_ConnectionError_and_stores_nothing()
        {
            string host = "127.0.0.1:" + LoopbackPort.Free();

            var unreachable = await Assert.ThrowsAsync<RegistryUnreachableException>(() => Connect(host, EntraTokens.Jwt(Tenant)).ExecuteAsync(new RecordingOutput(), default));

            Assert.Equal(("RegistryUnreachable", ErrorKind.ConnectionError), (ErrorClassifier.Classify(unreachable, null).ErrorId, ErrorClassifier.Classify(unreachable, null).Kind));
            Assert.Contains(host, unreachable.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(_sandbox.ConfigFile));
        }

        [Fact]
        public async Task Outside_tests_the_exchange_is_HTTPS_only_even_for_a_loopback_registry()
        {
            string token = EntraTokens.Jwt(Tenant);
            using var registry = new FakeAzureRegistry(token, Tenant);

            // The module's own exchange: TLS to a plain-HTTP server fails, so the token never leaves in the clear.
            await Assert.ThrowsAsync<RegistryUnreachableException>(() => Connect(registry.Host, token, exchange: new AzureRegistryTokenExchange(TimeSpan.FromSeconds(10))).ExecuteAsync(new RecordingOutput(), default));

            Assert.Empty(registry.Exchanges);
            Assert.False(File.Exists(_sandbox.ConfigFile));
        }

        [Fact]
        public async Task Without_AccessToken_and_without_the_Azure_libraries_the_error_says_so_and_points_at_AccessToken()
        {
            AzureTokenSources.Factory = null;
            var output = new RecordingOutput();

            var unavailable = await Assert.ThrowsAsync<AzureLibrariesUnavailableException>(() => Connect("myregistry").ExecuteAsync(output, default));

            CommandError error = ErrorClassifier.Classify(unavailable, null);
            Assert.Equal(("AzureLibrariesNotAvailable", ErrorKind.NotImplemented), (error.ErrorId, error.Kind));
            Assert.Contains("Azure libraries could not be loaded", error.Message, StringComparison.Ordinal);
            Assert.Contains("-AccessToken works without them", error.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(_sandbox.ConfigFile));
            Assert.Empty(output.Objects);
        }

        [Fact]
        public async Task Without_AccessToken_the_installed_token_source_is_asked_for_the_registry_scope()
        {
            string token = EntraTokens.Jwt(Tenant);
            using var registry = new FakeAzureRegistry(token, Tenant);
            var source = new FakeTokenSource(token);
            var factoryArguments = new List<string?>();
            AzureTokenSources.Factory = given =>
            {
                factoryArguments.Add(given);
                return source;
            };
            var output = new RecordingOutput();

            await Connect(registry.Host).ExecuteAsync(output, default);

            Assert.Equal(new string?[] { null }, factoryArguments);
            Assert.Equal(new[] { "https://containerregistry.azure.net/.default" }, Assert.Single(source.Requests));
            Assert.Equal(token, Assert.Single(registry.Exchanges)["access_token"]);
            Assert.Contains(output.Verbose, line => line.Contains("from FakeCredential", StringComparison.Ordinal));
            Assert.Equal(FakeAzureRegistry.RefreshToken, (await _sandbox.Store().GetAsync(registry.Host))!.Secret);
            AssertNeverShown(output, token);
        }

        [Fact]
        public async Task A_given_AccessToken_is_used_without_asking_any_token_source()
        {
            string token = EntraTokens.Jwt(Tenant);
            using var registry = new FakeAzureRegistry(token, Tenant);
            AzureTokenSources.Factory = _ => throw new InvalidOperationException("the token source was asked although -AccessToken was given");

            await Connect(registry.Host, token).ExecuteAsync(new RecordingOutput(), default);

            Assert.Single(registry.Exchanges);
        }

        [Theory]
        [InlineData("myregistry", "myregistry.azurecr.io")]
        [InlineData("MyRegistry", "myregistry.azurecr.io")]
        [InlineData("myregistry.azurecr.io", "myregistry.azurecr.io")]
        [InlineData("MyRegistry.AzureCR.io", "myregistry.azurecr.io")]
        [InlineData("https://myregistry.azurecr.io/", "myregistry.azurecr.io")]
        [InlineData("myregistry.azurecr.cn", "myregistry.azurecr.cn")]
        [InlineData("myregistry.azurecr.us", "myregistry.azurecr.us")]
        [InlineData(" registry.contoso.com ", "registry.contoso.com")]
        public void A_registry_name_means_the_public_cloud_and_a_whole_login_server_is_kept(string given, string loginServer) =>
            Assert.Equal(loginServer, AzureRegistryName.ToLoginServer(given));

        [Theory]
        [InlineData("my-registry")]
        [InlineData("my_registry")]
        [InlineData("docker.io")]
        [InlineData("  ")]
        public async Task A_name_that_is_no_Azure_registry_is_refused_naming_the_parameter(string given)
        {
            AzureTokenSources.Factory = _ => throw new InvalidOperationException("the token source was asked for a bad registry name");

            var invalid = await Assert.ThrowsAsync<InvalidParameterException>(() => Connect(given).ExecuteAsync(new RecordingOutput(), default));

            Assert.Equal(("InvalidAzureContainerRegistry", ErrorKind.InvalidArgument), (ErrorClassifier.Classify(invalid, null).ErrorId, ErrorClassifier.Classify(invalid, null).Kind));
        }

        private static void AssertNeverShown(RecordingOutput output, string secret)
        {
            IEnumerable<string> texts = output.Verbose.Concat(output.Warnings).Concat(output.Information)
                .Concat(output.Errors.Select(error => error.Message + " " + error.RecommendedAction + " " + error.Exception))
                .Concat(output.Objects.Select(value => value.ToString() ?? string.Empty));
            Assert.DoesNotContain(texts, text => text.Contains(secret, StringComparison.Ordinal));
        }

        private sealed class FakeTokenSource : IAzureTokenSource
        {
            private readonly string _token;

            public FakeTokenSource(string token)
            {
                _token = token;
            }

            public List<string[]> Requests { get; } = new List<string[]>();

            public Task<AzureAccessToken> GetTokenAsync(string[] scopes, CancellationToken cancellationToken)
            {
                Requests.Add(scopes);
                return Task.FromResult(new AzureAccessToken(_token, DateTimeOffset.UtcNow.AddHours(1)) { Source = "FakeCredential" });
            }
        }
    }
}
