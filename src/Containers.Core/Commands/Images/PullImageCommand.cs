using Containers.Engine.CredentialStore;
using Containers.Engine.Credentials;
using Containers.Engine.Models;
using Containers.Engine.References;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;

namespace Containers.Commands.Images
{
    /// <summary>
    /// Invoke-ImagePull: pulls each named image (its tag, <c>latest</c> when none is given, or its digest; never every
    /// tag), with the login given or stored for its registry, showing one progress bar per layer under one for the pull,
    /// and returns the image as the engine has it afterwards.
    /// </summary>
    public sealed class PullImageCommand : ImageTransferCommand
    {
        /// <summary>The pull's own activity; its layers take the ids after it.</summary>
        public const int ProgressActivityId = ImagePuller.ProgressActivityId;

        private readonly ImagePuller _puller;

        public PullImageCommand(DockerCredentialStore store)
        {
            _puller = new ImagePuller(store);
        }

        /// <summary>os[/arch[/variant]], for a multi-platform image.</summary>
        public string? Platform
        {
            get => _puller.Platform;
            set => _puller.Platform = value;
        }

        protected override async Task<ContainerImage?> TransferAsync(ContainerEngine engine, string name, ICommandOutput output, CancellationToken cancellationToken)
        {
            ImageReference reference = ImageNameArgument.Parse(name, "Name");
            string shown = reference.ToFamiliarString();
            if (!output.ShouldProcess(ImageTargets.Kind.Describe(shown, engine), "Pull"))
            {
                return null;
            }

            _puller.Credential = Credential;
            await _puller.PullAsync(engine, reference, output, cancellationToken);

            if (reference.Digest == null)
            {
                ImageInspect pulled = await engine.Client.Images.InspectAsync(shown, cancellationToken);
                return ContainerImage.FromInspect(pulled, engine, shown);
            }

            // A digest pull names the image by repository@digest and tags nothing (a tag beside the digest is not applied).
            ImageInspect inspect = await engine.Client.Images.InspectAsync(reference.FamiliarRepository + "@" + reference.Digest, cancellationToken);
            string? tag = TagIn(inspect, reference.FamiliarRepository);
            return new ImageWithRegistryDigest(inspect, engine, tag == null ? null : reference.FamiliarRepository, tag, reference.Digest);
        }

        /// <summary>A tag the image has in the repository, if any: how a digest pull's result can still be named.</summary>
        private static string? TagIn(ImageInspect inspect, string repository)
        {
            foreach (string repoTag in inspect.RepoTags ?? new List<string>())
            {
                if (repoTag.StartsWith(repository + ":", StringComparison.Ordinal) && repoTag.IndexOf('/', repository.Length) < 0)
                {
                    return repoTag.Substring(repository.Length + 1);
                }
            }

            return null;
        }
    }
}
