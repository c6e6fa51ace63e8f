using Containers.Commands.Registries;
using Containers.Engine.CredentialStore;
using Containers.Engine.Credentials;
using Containers.Engine.Errors;
using Containers.Engine.References;
using Containers.Engine.Streams;
using Containers.Models;
using Containers.Output;
using Containers.Progress;

namespace Containers.Commands.Images
{
    /// <summary>
    /// One pull as docker pull does it: the login given or stored for the image's registry, one progress bar per layer
    /// under one for the pull (all cleared at the end, also on failure), and the engine's stream read to its end so a
    /// failure it reports midway is raised. Invoke-ImagePull, and New-Container and Invoke-ContainerImage for a missing
    /// image, pull through it.
    /// </summary>
    public sealed class ImagePuller
    {
        /// <summary>The pull's own activity; its layers take the ids after it.</summary>
        public const int ProgressActivityId = 1;

        private readonly DockerCredentialStore _store;

        public ImagePuller(DockerCredentialStore store)
        {
            _store = store ?? throw new ArgumentNullException(nameof(store));
        }

        /// <summary>os[/arch[/variant]], for a multi-platform image.</summary>
        public string? Platform { get; set; }

        /// <summary>The login to send instead of the stored one, to every registry named.</summary>
        public RegistryCredential? Credential { get; set; }

        /// <exception cref="EngineException">The engine refused the pull, or its stream reported a failure.</exception>
        public async Task PullAsync(ContainerEngine engine, ImageReference reference, ICommandOutput output, CancellationToken cancellationToken)
        {
            RegistryCredential? credential = await RegistryCredentialChoice.ChooseAsync(Credential, _store, reference.Registry, output, cancellationToken);
            string registryAuth = RegistryAuthHeader.Encode(credential, reference.Registry);
            var progress = new LayerProgress(output, ProgressActivityId, "Pulling " + reference.ToFamiliarString());
            try
            {
                using JsonMessageReader messages = await engine.Client.Images.PullAsync(reference, registryAuth, Platform, cancellationToken);
                await messages.ReadToEndAsync(progress.Report, cancellationToken);
            }
            catch (EngineAuthenticationException refused) when (RegistryAuthFailure.Matches(refused.Message) && refused.Message.IndexOf(reference.Registry, StringComparison.OrdinalIgnoreCase) < 0)
            {
                // The engine relays the registry's own words ("unauthorized: authentication required"), which name neither
                // the registry nor the repository: a pull of several images would not say which login was refused.
                throw new EngineAuthenticationException($"{reference.Registry} refused the pull of {reference.FamiliarRepository}: {refused.Message}", refused.StatusCode);
            }
            finally
            {
                progress.Complete();
            }
        }
    }
}
