using Containers.Engine;
using Containers.Engine.Credentials;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Engine.References;
using Containers.Engine.Streams;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine.Endpoints
{
    /// <summary>Pull and push through the private registry, with and without credentials, as the engine answers them.</summary>
    [RequiresEngine]
    public sealed class ImageStreamTests
    {
        private static Task<List<JsonMessage>> ReadAllAsync(JsonMessageReader reader) => MessageStreams.ReadAllAsync(reader);

        [Fact]
        public async Task Push_needs_credentials_pull_brings_the_image_back_by_tag()
        {
            PrivateEngine engine = await PrivateEngine.GetAsync();
            PrivateRegistry registry = await PrivateRegistry.GetAsync();
            EngineClient client = engine.Client;
            var reference = ImageReference.Parse(registry.Host + "/stream/" + PrivateEngine.UniqueName("img") + ":v1");
            await client.Images.TagAsync(engine.Image, reference);
            try
            {
                var anonymous = await Assert.ThrowsAsync<EngineAuthenticationException>(async () => await ReadAllAsync(await client.Images.PushAsync(reference)));
                Assert.Contains("no basic auth credentials", anonymous.Message);

                string wrong = RegistryAuthHeader.Encode(new RegistryCredential(registry.UserName, "wrong-" + registry.Password), registry.Host);
                var refused = await Assert.ThrowsAsync<EngineAuthenticationException>(async () => await ReadAllAsync(await client.Images.PushAsync(reference, wrong)));
                Assert.Contains("unauthorized", refused.Message, StringComparison.OrdinalIgnoreCase);

                string good = RegistryAuthHeader.Encode(new RegistryCredential(registry.UserName, registry.Password), registry.Host);
                List<JsonMessage> pushed = await ReadAllAsync(await client.Images.PushAsync(reference, good));
                JsonMessage result = Assert.Single(pushed, m => m.Aux.HasValue);
                string digest = result.Aux!.Value.GetProperty("Digest").GetString()!;
                Assert.StartsWith("sha256:", digest);

                await client.Images.RemoveAsync(reference.ToFamiliarString());
                await Assert.ThrowsAsync<EngineNotFoundException>(() => client.Images.InspectAsync(reference.ToFamiliarString()));

                Exception anonymousPull = await Record.ExceptionAsync(async () => await ReadAllAsync(await client.Images.PullAsync(reference)));
                Assert.IsType<EngineAuthenticationException>(anonymousPull);
                Assert.Contains("no basic auth credentials", anonymousPull!.Message);

                List<JsonMessage> pulled = await ReadAllAsync(await client.Images.PullAsync(reference, good));
                Assert.Contains(pulled, m => m.Status != null && m.Status.StartsWith("Digest: " + digest, StringComparison.Ordinal));
                ImageInspect back = await client.Images.InspectAsync(reference.ToFamiliarString());
                Assert.Contains(reference.FamiliarRepository + "@" + digest, back.RepoDigests!);
            }
            finally
            {
                try
                {
                    await client.Images.RemoveAsync(reference.ToFamiliarString(), force: true);
                }
                catch (EngineNotFoundException)
                {
                }
            }
        }
    }
}
