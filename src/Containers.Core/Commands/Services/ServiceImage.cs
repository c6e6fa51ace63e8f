using Containers.Commands.Registries;
using Containers.Engine.CredentialStore;
using Containers.Engine.Credentials;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Engine.References;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;

namespace Containers.Commands.Services
{
    /// <summary>
    /// A service's image on its way to the swarm, as docker service create and update treat it: the registry login that
    /// goes with the service (X-Registry-Auth, so every node can pull a private image), and the digest the image is
    /// pinned to when it is resolved at its registry.
    /// </summary>
    public sealed class ServiceImage
    {
        /// <summary>Whether and when the image is pinned to its registry's digest.</summary>
        public ServiceImageResolution Resolution { get; set; } = ServiceImageResolution.Always;

        /// <summary>The login given with -Credential; it always goes with the service.</summary>
        public RegistryCredential? Credential { get; set; }

        /// <summary>Send the stored login for the image's registry with the service (docker's --with-registry-auth).</summary>
        public bool WithRegistryAuth { get; set; }

        /// <summary>The docker CLI's login store; without it no stored login is read.</summary>
        public DockerCredentialStore? Store { get; set; }

        /// <summary>
        /// The X-Registry-Auth value to send with the service for <paramref name="image"/>: -Credential, or with
        /// -WithRegistryAuth the stored login; null to send none.
        /// </summary>
        public async Task<string?> RegistryAuthAsync(string image, ICommandOutput output, CancellationToken cancellationToken)
        {
            if (Credential == null && !WithRegistryAuth)
            {
                return null;
            }

            ImageReference reference = ImageNameArgument.Parse(image, "Image");
            RegistryCredential? credential = Credential ?? (Store == null ? null
                : await RegistryCredentialChoice.ChooseAsync(null, Store, reference.Registry, output, cancellationToken));
            return RegistryAuthHeader.Encode(credential, reference.Registry);
        }

        /// <summary>
        /// The image to put in the spec: pinned to its registry's digest unless the resolution says not to (Changed
        /// resolves when <paramref name="changed"/>). An image the registry cannot be asked about is used as given, with a
        /// warning, as docker does.
        /// </summary>
        public async Task<string> ResolveAsync(ContainerEngine engine, string image, bool changed, string? registryAuth, ICommandOutput output, CancellationToken cancellationToken)
        {
            ImageReference reference = ImageNameArgument.Parse(image, "Image");
            if (Resolution == ServiceImageResolution.Never || (Resolution == ServiceImageResolution.Changed && !changed) || reference.Digest != null)
            {
                return image;
            }

            try
            {
                DistributionInspect found = await engine.Client.Services.ResolveImageAsync(image, registryAuth ?? RegistryAuthHeader.Anonymous, cancellationToken);
                if (!string.IsNullOrEmpty(found.Descriptor?.Digest))
                {
                    string pinned = image + "@" + found.Descriptor!.Digest;
                    output.WriteVerbose($"Pinned the image {image} to {pinned}.");
                    return pinned;
                }
            }
            catch (EngineException e) when (ErrorClassifier.IsPerTarget(e))
            {
                output.WriteWarning($"The image {image} could not be looked up at its registry to pin its digest ({e.Message}); each node will use or pull {image} on its own, so nodes may run different versions of it. -ResolveImage Never skips the lookup.");
            }

            return image;
        }
    }
}
