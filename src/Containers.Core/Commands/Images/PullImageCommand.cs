using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Containers.Engine.CredentialStore;
using Containers.Engine.Credentials;
using Containers.Engine.Models;
using Containers.Engine.References;
using Containers.Engines;
using Containers.Errors;
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
    public sealed class PullImageCommand
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

        /// <summary>The login to send instead of the stored one, to every registry named.</summary>
        public RegistryCredential? Credential
        {
            get => _puller.Credential;
            set => _puller.Credential = value;
        }

        public async Task ExecuteAsync(ContainerEngine engine, IEnumerable<string> names, ICommandOutput output, CancellationToken cancellationToken)
        {
            foreach (string name in names)
            {
                try
                {
                    ContainerImage? pulled = await PullAsync(engine, name, output, cancellationToken);
                    if (pulled != null)
                    {
                        output.WriteObject(pulled);
                    }
                }
                catch (Exception e) when (ErrorClassifier.IsPerTarget(e))
                {
                    output.WriteError(ErrorClassifier.Classify(e, name, "Image"));
                }
            }
        }

        private async Task<ContainerImage?> PullAsync(ContainerEngine engine, string name, ICommandOutput output, CancellationToken cancellationToken)
        {
            ImageReference reference = ImageNameArgument.Parse(name, "Name");
            string shown = reference.ToFamiliarString();
            if (!output.ShouldProcess(WhatIfTarget.On(engine, $"image '{shown}'"), "Pull"))
            {
                return null;
            }

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
