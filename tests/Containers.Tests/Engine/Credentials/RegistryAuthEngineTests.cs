using System.Runtime.Versioning;
using Containers.Engine;
using Containers.Engine.CredentialStore;
using Containers.Engine.Credentials;
using Containers.Engine.Errors;
using Containers.Engine.Http;
using Containers.Engine.Models;
using Containers.Engine.Streams;
using Containers.Tests.Engine.CredentialStore;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine.Credentials
{
    /// <summary>
    /// The path the pull and push cmdlets will take, against the real engine and the test registry: a login stored by
    /// our store, read back, encoded as X-Registry-Auth, and accepted by dockerd for push and pull; "e30=" and no header
    /// at all fail as the engine says they do.
    /// </summary>
    [SupportedOSPlatform("linux")]
    [RequiresEngine]
    public sealed class RegistryAuthEngineTests : IDisposable
    {
        private readonly CredentialSandbox _sandbox = new CredentialSandbox();

        public void Dispose() => _sandbox.Dispose();

        [Fact]
        public async Task A_stored_login_encoded_as_X_Registry_Auth_pushes_and_pulls_and_anonymous_does_not()
        {
            PrivateEngine engine = await PrivateEngine.GetAsync();
            PrivateRegistry registry = await PrivateRegistry.GetAsync();
            string repository = registry.Host + "/creds/" + PrivateEngine.UniqueName("hdr");
            string reference = repository + ":v1";
            DockerCli.Run(engine.Endpoint, _sandbox.ConfigDirectory, "tag", engine.Image, reference);
            try
            {
                DockerCredentialStore store = _sandbox.Store();
                await store.StoreAsync(registry.Host, new RegistryCredential(registry.UserName, registry.Password));
                string header = RegistryAuthHeader.Encode(await store.GetAsync(registry.Host), registry.Host);

                var missing = await Assert.ThrowsAsync<EngineBadRequestException>(() => PushAsync(engine.Client, repository, null));
                Assert.Contains("X-Registry-Auth", missing.Message, StringComparison.OrdinalIgnoreCase);
                var anonymous = await Assert.ThrowsAsync<EngineAuthenticationException>(() => PushAsync(engine.Client, repository, RegistryAuthHeader.Anonymous));
                Assert.Contains("no basic auth credentials", anonymous.Message);

                JsonMessage? last = await PushAsync(engine.Client, repository, header);
                Assert.StartsWith("sha256:", last!.Aux!.Value.GetProperty("Digest").GetString());

                DockerCli.Run(engine.Endpoint, _sandbox.ConfigDirectory, "rmi", reference);
                // dockerd 20.10 refuses an anonymous pull before the stream starts (a 500, not an in-stream error);
                // the push's refusal comes inside the stream. Both are authentication errors to us.
                var refused = await Assert.ThrowsAsync<EngineAuthenticationException>(() => PullAsync(engine.Client, repository, RegistryAuthHeader.Anonymous));
                Assert.Contains("no basic auth credentials", refused.Message);
                await PullAsync(engine.Client, repository, header);
                Assert.Contains(reference, DockerCli.Run(engine.Endpoint, _sandbox.ConfigDirectory, "images", "--format", "{{.Repository}}:{{.Tag}}"));
            }
            finally
            {
                DockerCli.Run(engine.Endpoint, _sandbox.ConfigDirectory, "rmi", "--force", reference);
            }
        }

        private static Task<JsonMessage?> PushAsync(EngineClient client, string repository, string? header)
        {
            var request = new EngineRequest("POST", "/images/" + repository + "/push") { Timeout = ResponseTimeout.None };
            request.Query.Add("tag", "v1");
            return SendAsync(client, request, header);
        }

        private static Task<JsonMessage?> PullAsync(EngineClient client, string repository, string header)
        {
            var request = new EngineRequest("POST", "/images/create") { Timeout = ResponseTimeout.None };
            request.Query.Add("fromImage", repository).Add("tag", "v1");
            return SendAsync(client, request, header);
        }

        /// <summary>Sends the request and reads its message stream to the end, raising the first error in it; returns the last message.</summary>
        private static async Task<JsonMessage?> SendAsync(EngineClient client, EngineRequest request, string? header)
        {
            if (header != null)
            {
                request.Headers[RegistryAuthHeader.Name] = header;
            }

            using EngineResponse response = await client.SendAsync(request);
            var reader = new JsonMessageReader(response.Content);
            JsonMessage? last = null;
            for (JsonMessage? message = await reader.ReadAsync(); message != null; message = await reader.ReadAsync())
            {
                message.ThrowIfError();
                last = message.Aux != null ? message : last ?? message;
            }

            return last;
        }
    }
}
