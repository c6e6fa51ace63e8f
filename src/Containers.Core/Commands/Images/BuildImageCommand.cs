using System.Collections;
using System.Text.Json;
using Containers.Engine.Build;
using Containers.Engine.CredentialStore;
using Containers.Engine.Endpoints;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Engine.References;
using Containers.Engine.Streams;
using Containers.EngineSelection;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;
using Containers.Progress;

namespace Containers.Commands.Images
{
    /// <summary>
    /// Invoke-ImageBuild: builds an image with the engine's classic builder from a context folder, sent as a tar made
    /// while it is read with .dockerignore applied, and returns the image the engine reports having built (its id from
    /// the build's result message, read back from the engine). The upload has a progress bar of its own, each step moves
    /// the build's bar, and the build's output goes to the Information stream tagged 'Build'. A failing step is an
    /// ImageBuildStepFailed error whose exception carries the step's exit code.
    /// </summary>
    public sealed class BuildImageCommand
    {
        /// <summary>The build's activity: one status per step.</summary>
        public const int BuildActivityId = 1;

        /// <summary>The context upload's activity, a child of the build's.</summary>
        public const int UploadActivityId = 2;

        /// <summary>Base images pulled during the build; their layers take the ids after it.</summary>
        public const int BaseImageActivityId = 3;

        private readonly DockerCredentialStore _store;

        public BuildImageCommand(DockerCredentialStore store)
        {
            _store = store ?? throw new ArgumentNullException(nameof(store));
        }

        /// <summary>The context folder, a full path.</summary>
        public string Path { get; set; } = string.Empty;

        /// <summary>The Dockerfile as a full path (inside the context or not); null for Dockerfile in the context.</summary>
        public string? Dockerfile { get; set; }

        /// <summary>Names for the image, repository[:tag].</summary>
        public IReadOnlyList<string>? Tag { get; set; }

        public IDictionary? BuildArg { get; set; }

        public IDictionary? Label { get; set; }

        public string? Target { get; set; }

        public bool NoCache { get; set; }

        public bool Pull { get; set; }

        public string? Platform { get; set; }

        public async Task<ContainerImage?> ExecuteAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken)
        {
            try
            {
                return await BuildAsync(engine, output, cancellationToken);
            }
            catch (Exception e) when (ErrorClassifier.IsPerTarget(e))
            {
                output.WriteError(ErrorClassifier.Classify(e, Path, "Image"));
                return null;
            }
        }

        private async Task<ContainerImage?> BuildAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken)
        {
            ImageBuildParameters parameters = ReadParameters(out string? firstTag);
            BuildContext context = OpenContext();
            parameters.Dockerfile = context.DockerfileName;
            string named = firstTag ?? context.Directory;
            if (!output.ShouldProcess(WhatIfTarget.On(engine, $"build context '{context.Directory}'"), "Build image" + (firstTag != null ? " " + firstTag : string.Empty)))
            {
                return null;
            }

            string? registryConfig = await BuildRegistryLogins.EncodeAsync(_store, output, cancellationToken);
            string activity = "Building " + named;
            var upload = new UploadProgress(output, UploadActivityId, BuildActivityId, "Sending the build context to " + engine.Name);
            var lines = new BuildOutput(output, BuildActivityId, activity);
            LayerProgress? basePulls = null;
            string? imageId = null;
            try
            {
                using var tar = new ContextUploadStream(context.CreateStream(), upload);
                using JsonMessageReader messages = await engine.Client.Images.BuildAsync(tar, parameters, registryConfig, cancellationToken);
                upload.Complete();
                await messages.ReadToEndAsync(message =>
                {
                    if (message.Stream != null)
                    {
                        lines.Write(message.Stream);
                    }

                    if (!string.IsNullOrEmpty(message.Status))
                    {
                        // A base image pulled for FROM (always with -Pull): the pull's own messages, shown as a pull is.
                        basePulls ??= new LayerProgress(output, BaseImageActivityId, "Pulling base images for " + named);
                        basePulls.Report(message);
                    }

                    imageId = ReadImageId(message) ?? imageId;
                }, cancellationToken);
            }
            finally
            {
                upload.Complete();
                basePulls?.Complete();
                lines.Complete();
            }

            if (imageId == null)
            {
                throw new EngineStreamException($"The engine finished building {named} without reporting the image it made.");
            }

            output.WriteVerbose($"Built {ContainerImage.ShortIdOf(imageId)} from {context.Directory}.");
            ImageInspect inspect = await engine.Client.Images.InspectAsync(imageId, cancellationToken);
            ContainerImage built = ContainerImage.FromInspect(inspect, engine, firstTag);
            output.WriteObject(built);
            return built;
        }

        private ImageBuildParameters ReadParameters(out string? firstTag)
        {
            var parameters = new ImageBuildParameters { Target = Target, NoCache = NoCache, Pull = Pull, Platform = Platform };
            firstTag = null;
            foreach (string tag in Tag ?? Array.Empty<string>())
            {
                string familiar = ImageNameArgument.ParseTagged(tag, "Tag", "a build's -Tag").ToFamiliarString();
                firstTag ??= familiar;
                parameters.Tags.Add(familiar);
            }

            foreach (KeyValuePair<string, string?> argument in BuildArgumentTable.Read(BuildArg, "BuildArg"))
            {
                parameters.BuildArgs[argument.Key] = argument.Value;
            }

            foreach (KeyValuePair<string, string> label in LabelConverter.ToLabels(Label) ?? new Dictionary<string, string>())
            {
                parameters.Labels[label.Key] = label.Value;
            }

            return parameters;
        }

        private BuildContext OpenContext()
        {
            try
            {
                return BuildContext.Open(Path, Dockerfile);
            }
            catch (FileNotFoundException e)
            {
                // Open names what is missing: with the folder there, it is the Dockerfile. Blame the parameter that named it.
                bool dockerfileMissing = Directory.Exists(Path);
                throw new InvalidParameterException(dockerfileMissing ? "Dockerfile" : "Path", dockerfileMissing ? Dockerfile ?? e.FileName : Path, e.Message);
            }
            catch (FormatException e)
            {
                throw new InvalidParameterException("Path", Path, $"The .dockerignore of '{Path}' cannot be read: {e.Message}");
            }
        }

        // The classic builder reports the image it made beside its output: {"aux": {"ID": "sha256:..."}}.
        private static string? ReadImageId(JsonMessage message) =>
            message.Aux is JsonElement aux && aux.ValueKind == JsonValueKind.Object
                && aux.TryGetProperty("ID", out JsonElement id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
    }
}
