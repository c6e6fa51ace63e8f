using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;

namespace Containers.Commands.Containers
{
    /// <summary>
    /// New-Container: creates a container from a request that was validated whole before this runs, so bad input never
    /// leaves a half-made container behind. Returns the created container.
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

        public async Task<Container?> ExecuteAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken)
        {
            string described = (Name != null ? $"container '{Name}'" : "a container") + $" from image '{Request.Image}'"
                + (engine.Source == "default" ? string.Empty : $" on {engine.Name}");
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
            ContainerCreateResponse created = await engine.Client.Containers.CreateAsync(Name, Request, Overrides, cancellationToken);
            foreach (string warning in created.Warnings ?? new System.Collections.Generic.List<string>())
            {
                if (!string.IsNullOrWhiteSpace(warning))
                {
                    output.WriteWarning(warning);
                }
            }

            return created.Id;
        }
    }
}
