using System.Diagnostics;
using System.Net;
using Containers.Engine.Credentials;
using Containers.Engine.Registries;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine.Registries
{
    /// <summary>
    /// Checking a login before storing it: against the test registry (docker-registry with htpasswd on loopback) for
    /// basic authentication, and a scripted loopback registry for the bearer-token flow. Nothing leaves the machine.
    /// </summary>
    [RequiresEngine]
    public sealed class RegistryLoginCheckTests
    {
        private readonly RegistryLoginCheck _check = new RegistryLoginCheck(TimeSpan.FromSeconds(10));

        [Fact]
        public async Task The_right_password_passes_at_the_test_registry_over_plain_HTTP_on_loopback()
        {
            PrivateRegistry registry = await PrivateRegistry.GetAsync();

            RegistryLoginResult result = await _check.VerifyAsync(registry.Host, new RegistryCredential(registry.UserName, registry.Password), allowInsecure: true);

            Assert.True(result.CredentialsChecked);
            Assert.True(result.IsInsecure);
            Assert.Equal(new Uri("http://" + registry.Host + "/v2/"), result.Endpoint);
            Assert.Equal(registry.Host, result.ServerAddress);
        }

        [Fact]
        public async Task A_wrong_password_is_rejected_without_being_quoted()
        {
            PrivateRegistry registry = await PrivateRegistry.GetAsync();

            var error = await Assert.ThrowsAsync<RegistryCredentialsRejectedException>(
                () => _check.VerifyAsync(registry.Host, new RegistryCredential(registry.UserName, "wrong-Pa55word"), allowInsecure: true));

            Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
            Assert.Equal(registry.Host, error.Registry);
            Assert.Contains(registry.Host + " refused the credentials of " + registry.UserName, error.Message);
            Assert.DoesNotContain("wrong-Pa55word", error.Message);
            await Assert.ThrowsAsync<RegistryCredentialsRejectedException>(
                () => _check.VerifyAsync(registry.Host, new RegistryCredential("nobody", registry.Password), allowInsecure: true));
        }

        [Fact]
        public async Task Without_allowing_insecure_access_a_plain_HTTP_registry_is_not_spoken_to_in_clear()
        {
            PrivateRegistry registry = await PrivateRegistry.GetAsync();

            var error = await Assert.ThrowsAsync<RegistryUnreachableException>(
                () => _check.VerifyAsync(registry.Host, new RegistryCredential(registry.UserName, registry.Password)));

            Assert.Contains("https://" + registry.Host + "/v2/", error.Message);
            Assert.Contains("only when insecure access is allowed", error.Message);
        }

        [Fact]
        public async Task An_identity_token_cannot_be_checked_by_a_registry_that_takes_passwords()
        {
            PrivateRegistry registry = await PrivateRegistry.GetAsync();
            var error = await Assert.ThrowsAsync<RegistryException>(() => _check.VerifyAsync(registry.Host, RegistryCredential.FromIdentityToken("t"), allowInsecure: true));
            Assert.Contains("not an identity token", error.Message);
        }

        [Fact]
        public async Task A_closed_port_is_unreachable_and_a_silent_one_times_out()
        {
            int closed = LoopbackPort.Free();
            var refused = await Assert.ThrowsAsync<RegistryUnreachableException>(
                () => _check.VerifyAsync("127.0.0.1:" + closed, new RegistryCredential("u", "p"), allowInsecure: true));
            Assert.Contains("Over plain HTTP", refused.Message);

            using var silent = new SilentTcpServer();
            var clock = Stopwatch.StartNew();
            var timedOut = await Assert.ThrowsAsync<RegistryUnreachableException>(
                () => new RegistryLoginCheck(TimeSpan.FromSeconds(1)).VerifyAsync("127.0.0.1:" + silent.Port, new RegistryCredential("u", "p"), allowInsecure: true));
            Assert.Contains("did not answer", timedOut.Message);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed}");
        }

        [Fact]
        public async Task Cancelling_stops_the_check_as_a_cancellation()
        {
            using var silent = new SilentTcpServer();
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(
                () => _check.VerifyAsync("127.0.0.1:" + silent.Port, new RegistryCredential("u", "p"), allowInsecure: true, cancel.Token));
        }

        [Fact]
        public async Task A_bearer_challenge_is_followed_to_the_token_service_with_basic_credentials()
        {
            using var registry = new TokenAuthRegistry();

            RegistryLoginResult result = await _check.VerifyAsync(registry.Host, new RegistryCredential(TokenAuthRegistry.UserName, TokenAuthRegistry.Password), allowInsecure: true);

            Assert.True(result.CredentialsChecked);
            string[] requests = registry.Requests.ToArray();
            Assert.Equal("GET /v2/ []", requests[0]);
            Assert.Equal("GET /token?service=fake-registry&client_id=containers-powershell [Basic]", requests[1]);
            Assert.Equal("GET /v2/ [Bearer]", requests[2]);

            var rejected = await Assert.ThrowsAsync<RegistryCredentialsRejectedException>(
                () => _check.VerifyAsync(registry.Host, new RegistryCredential(TokenAuthRegistry.UserName, "nope-Secret"), allowInsecure: true));
            Assert.Contains("token service answered HTTP 401", rejected.Message);
            Assert.Contains("incorrect username or password", rejected.Message);
            Assert.DoesNotContain("nope-Secret", rejected.Message);
        }

        [Fact]
        public async Task Credentials_are_never_sent_to_a_token_service_over_plain_HTTP_off_this_machine()
        {
            // ".invalid" never resolves; the check must refuse before trying.
            using var registry = new TokenAuthRegistry(realm: "http://auth.invalid/token");
            var error = await Assert.ThrowsAsync<RegistryException>(
                () => _check.VerifyAsync(registry.Host, new RegistryCredential(TokenAuthRegistry.UserName, TokenAuthRegistry.Password), allowInsecure: true));
            Assert.Contains("http://auth.invalid/token, which is not HTTPS; the credentials were not sent", error.Message);
            Assert.Equal(new[] { "GET /v2/ []" }, registry.Requests.ToArray());
        }

        [Fact]
        public async Task An_identity_token_is_traded_at_the_token_service_with_the_refresh_token_grant()
        {
            using var registry = new TokenAuthRegistry();

            RegistryLoginResult result = await _check.VerifyAsync(registry.Host, RegistryCredential.FromIdentityToken(TokenAuthRegistry.RefreshToken), allowInsecure: true);

            Assert.True(result.CredentialsChecked);
            Assert.Contains(registry.Requests, request => request.StartsWith("POST /token [] ", StringComparison.Ordinal) && request.Contains("grant_type=refresh_token", StringComparison.Ordinal));
            var rejected = await Assert.ThrowsAsync<RegistryCredentialsRejectedException>(
                () => _check.VerifyAsync(registry.Host, RegistryCredential.FromIdentityToken("refresh-bad"), allowInsecure: true));
            Assert.DoesNotContain("refresh-bad", rejected.Message);
        }
    }
}
