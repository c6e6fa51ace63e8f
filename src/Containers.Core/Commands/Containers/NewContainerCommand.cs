using System.Text.Json.Nodes;
using Containers.Commands.Images;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Engine.References;
using Containers.EngineSelection;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;

namespace Containers.Commands.Containers
{
    /// <summary>
    /// New-Container: creates a container from a request that was validated whole before this runs, so bad input never
    /// leaves a half-made container behind. Pulls the image as docker create does (<see cref="Pull"/>). Returns the
    /// created container.
    /// </summary>
    public sealed class NewContainerCommand
    {
        public NewContainerCommand(ContainerCreateRequest request, string? name, JsonObject? overrides)
        {
            Request = request;
            Name = name;
            Overrides = overrides;
        }

        /// <summary>
        /// From the friendly parameters: everything is checked here, before the engine is asked for anything, and a bad
        /// value throws an <see cref="Errors.InvalidParameterException"/> that names it.
        /// </summary>
        public static NewContainerCommand FromOptions(ContainerOptions options, string? name, object? configuration) =>
            new NewContainerCommand(ContainerRequestBuilder.Build(options), name, ConfigurationConverter.ToJsonObject(configuration));

        public ContainerCreateRequest Request { get; }

        public string? Name { get; }

        /// <summary>Raw settings merged over the request (-Configuration).</summary>
        public JsonObject? Overrides { get; }

        /// <summary>When to pull the image; pulling needs <see cref="Puller"/>.</summary>
        public ImagePullPolicy Pull { get; set; } = ImagePullPolicy.Missing;

        /// <summary>How to pull (the login store, progress); without it the command never pulls, as with -Pull Never.</summary>
        public ImagePuller? Puller { get; set; }

        public async Task<Container?> ExecuteAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken)
        {
            string described = WhatIfTarget.On(engine, (Name != null ? $"container '{Name}'" : "a container") + $" from image '{Request.Image}'");
            if (!output.ShouldProcess(described, "Create"))
            {
                return null;
            }

            string id = await CreateAsync(engine, output, cancellationToken);
            ContainerInspect inspect = await engine.Client.Containers.InspectAsync(id, cancellationToken: cancellationToken);
            Container container = Container.FromInspect(inspect, engine);
            output.WriteObject(container);
            return container;
        }

        /// <summary>Creates without asking or writing the result: the first step of Invoke-ContainerImage too.</summary>
        internal async Task<string> CreateAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken)
        {
            ImagePullPolicy pull = Puller == null ? ImagePullPolicy.Never : Pull;
            if (pull == ImagePullPolicy.Always && IsPullable(Request.Image))
            {
                await PullAsync(engine, output, cancellationToken);
            }

            ContainerCreateResponse created;
            try
            {
                created = await engine.Client.Containers.CreateAsync(Name, Request, Overrides, cancellationToken);
            }
            catch (EngineNotFoundException missing) when (pull == ImagePullPolicy.Missing && missing.ResourceKind == EngineResourceKind.Image && IsPullable(Request.Image))
            {
                // As the docker CLI does: the engine says it lacks the image, so pull it and ask once more. A failed pull
                // is reported as itself (unknown registry, login refused) and nothing is created.
                output.WriteVerbose($"The engine has no image '{Request.Image}': pulling it.");
                await PullAsync(engine, output, cancellationToken);
                created = await engine.Client.Containers.CreateAsync(Name, Request, Overrides, cancellationToken);
            }

            foreach (string warning in created.Warnings ?? new System.Collections.Generic.List<string>())
            {
                if (!string.IsNullOrWhiteSpace(warning))
                {
                    output.WriteWarning(warning);
                }
            }

            return created.Id;
        }

        private Task PullAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken) =>
            Puller!.PullAsync(engine, ImageNameArgument.Parse(Request.Image!, "Image"), output, cancellationToken);

        // An image id (sha256:..., or its hex) names nothing a registry has: docker does not pull for it either.
        private static bool IsPullable(string? image) =>
            !string.IsNullOrEmpty(image) && !ImageReference.IsImageId(image!) && ImageReference.TryParse(image!, out _, out _);
    }
}
