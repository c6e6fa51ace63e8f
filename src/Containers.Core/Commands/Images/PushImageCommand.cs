using System.Text.Json;
using Containers.Commands.Registries;
using Containers.Engine.CredentialStore;
using Containers.Engine.Credentials;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Engine.References;
using Containers.Engine.Streams;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;
using Containers.Progress;

namespace Containers.Commands.Images
{
    /// <summary>
    /// Invoke-ImagePush: pushes each named tag to its registry with the login given or stored for it, showing per-layer
    /// progress, and returns the image with the digest the registry gave the pushed manifest (from the push's result,
    /// then the image read back by that digest).
    /// </summary>
    public sealed class PushImageCommand : ImageTransferCommand
    {
        /// <summary>The push's own activity; its layers take the ids after it.</summary>
        public const int ProgressActivityId = 1;

        private readonly DockerCredentialStore _store;

        public PushImageCommand(DockerCredentialStore store)
        {
            _store = store ?? throw new ArgumentNullException(nameof(store));
        }

        protected override async Task<ContainerImage?> TransferAsync(ContainerEngine engine, string name, ICommandOutput output, CancellationToken cancellationToken)
        {
            ImageReference reference = ImageNameArgument.ParseTagged(name, "Name", "a push");
            string shown = reference.ToFamiliarString();
            string registry = RegistryServerAddress.ToDisplayName(RegistryServerAddress.Normalize(reference.Registry));
            if (!output.ShouldProcess(ImageTargets.Kind.Describe(shown, engine), "Push to " + registry))
            {
                return null;
            }

            // Asked first: the engine reports a missing image only inside the push's stream, as an untyped error.
            await engine.Client.Images.InspectAsync(shown, cancellationToken);
            RegistryCredential? credential = await RegistryCredentialChoice.ChooseAsync(Credential, _store, reference.Registry, output, cancellationToken);
            string registryAuth = RegistryAuthHeader.Encode(credential, reference.Registry);
            var progress = new LayerProgress(output, ProgressActivityId, "Pushing " + shown);
            string? digest = null;
            try
            {
                using JsonMessageReader messages = await engine.Client.Images.PushAsync(reference, registryAuth, cancellationToken);
                await messages.ReadToEndAsync(message =>
                {
                    progress.Report(message);
                    digest = ReadDigest(message) ?? digest;
                }, cancellationToken);
            }
            finally
            {
                progress.Complete();
            }

            if (digest == null)
            {
                throw new EngineStreamException($"The engine finished pushing {shown} without reporting the digest the registry gave it.");
            }

            output.WriteVerbose($"Pushed {shown} as {reference.FamiliarRepository}@{digest}.");
            ImageInspect inspect;
            try
            {
                inspect = await engine.Client.Images.InspectAsync(reference.FamiliarRepository + "@" + digest, cancellationToken);
            }
            catch (EngineNotFoundException)
            {
                // An engine that kept no digest reference for the push still has the tag that was pushed.
                inspect = await engine.Client.Images.InspectAsync(shown, cancellationToken);
            }

            return new ImageWithRegistryDigest(inspect, engine, reference.FamiliarRepository, reference.Tag ?? ImageReference.DefaultTag, digest);
        }

        // The push's result rides beside the progress: {"aux": {"Tag": "v1", "Digest": "sha256:...", "Size": 528}}.
        private static string? ReadDigest(JsonMessage message) =>
            message.Aux is JsonElement aux && aux.ValueKind == JsonValueKind.Object
                && aux.TryGetProperty("Digest", out JsonElement digest) && digest.ValueKind == JsonValueKind.String
                ? digest.GetString()
                : null;
    }
}
