using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.EngineSelection;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;

namespace Containers.Commands.Services
{
    /// <summary>
    /// New-ContainerService: docker service create. The spec is built and checked whole before the engine sees it. Then
    /// it waits until the tasks run, with progress, unless <see cref="NoWait"/>; a task that fails to start is a
    /// ServiceTaskFailed error naming the task and its error, and so is a wait longer than <see cref="Timeout"/>
    /// (ServiceConvergenceTimeout); the service stays (the swarm keeps trying, as with docker): the error says so, and
    /// the service is still written out after it.
    /// </summary>
    public sealed class NewContainerServiceCommand
    {
        public NewContainerServiceCommand(ServiceSpec spec)
        {
            Spec = spec;
        }

        /// <summary>From the friendly parameters, each checked here; a bad one throws an <see cref="InvalidParameterException"/> naming it.</summary>
        public static NewContainerServiceCommand FromOptions(ServiceOptions options) => new NewContainerServiceCommand(ServiceSpecBuilder.Build(options));

        public ServiceSpec Spec { get; }

        /// <summary>The image's digest pinning and the login that goes with the service.</summary>
        public ServiceImage Image { get; set; } = new ServiceImage();

        /// <summary>Return once the swarm has the service, without waiting for its tasks.</summary>
        public bool NoWait { get; set; }

        /// <summary>How long to wait for the tasks before a ServiceConvergenceTimeout error (the service stays); null to wait until stopped.</summary>
        public TimeSpan? Timeout { get; set; }

        public async Task ExecuteAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken)
        {
            if (Timeout < TimeSpan.Zero)
            {
                throw new InvalidParameterException("Timeout", Timeout, "-Timeout cannot be negative.");
            }

            string image = Spec.TaskTemplate.ContainerSpec.Image!;
            string described = WhatIfTarget.On(engine, (Spec.Name != null ? $"service '{Spec.Name}'" : "a service") + $" from image '{image}'");
            if (!output.ShouldProcess(described, "Create"))
            {
                return;
            }

            if (Image.Resolution != ServiceImageResolution.Never)
            {
                // Only a manager can take the service: asked first, an engine outside a swarm (or a worker) is that error
                // alone, not a registry lookup and its warning followed by it.
                await engine.Client.Swarm.InspectAsync(cancellationToken);
            }

            await ServiceFileReferences.ResolveAsync(engine, Spec.TaskTemplate.ContainerSpec, cancellationToken);
            string? registryAuth = await Image.RegistryAuthAsync(image, output, cancellationToken);
            Spec.TaskTemplate.ContainerSpec.Image = await Image.ResolveAsync(engine, image, changed: true, registryAuth, output, cancellationToken);
            ServiceConvergence convergence = await ServiceConvergence.BeginAsync(engine, null, cancellationToken);
            convergence.Timeout = Timeout;
            ServiceCreateResponse created;
            try
            {
                created = await engine.Client.Services.CreateAsync(Spec, registryAuth, cancellationToken);
            }
            catch (EngineConflictException conflict)
            {
                // Classified here, where it is known to be about a service: the cmdlet's own funnel would call it a container's.
                output.WriteError(ErrorClassifier.Classify(conflict, Spec.Name, ServiceTargets.Resource));
                return;
            }

            foreach (string warning in created.Warnings ?? new List<string>())
            {
                output.WriteWarning(warning);
            }

            Service service = await engine.Client.Services.InspectAsync(created.ID, cancellationToken);
            string name = service.Spec.Name ?? created.ID;
            if (!NoWait)
            {
                CommandError? failed = await convergence.WaitAsync(engine, created.ID, name, output, cancellationToken);
                if (failed != null)
                {
                    output.WriteError(failed);
                }
            }

            output.WriteObject(await ServiceReading.ReadAsync(engine, created.ID, cancellationToken));
        }
    }
}
