using Containers.Commands.Targets;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;

namespace Containers.Commands.Services
{
    /// <summary>
    /// Set-ContainerService: docker service update and scale. Reads the service, changes what was given (the task
    /// settings through the same <see cref="ServiceSpecBuilder.Apply"/> New-ContainerService builds with), and sends the
    /// whole spec back with the version it read: when someone else updated the service in between, the manager refuses
    /// ("update out of sequence", SwarmUpdateConflict) and nothing changes. -Rollback returns to the previous spec. Then it
    /// waits as New-ContainerService does, unless <see cref="NoWait"/>.
    /// </summary>
    public sealed class SetContainerServiceCommand : TargetCommand
    {
        public SetContainerServiceCommand()
            : base(ServiceTargets.Kind)
        {
        }

        /// <summary>The number of tasks (a replicated service only).</summary>
        public ulong? Replicas { get; set; }

        /// <summary>A new image: the tasks are replaced with it, in a rolling update.</summary>
        public string? NewImage { get; set; }

        /// <summary>Tasks replaced at once in a rolling update; 0 replaces them all at once.</summary>
        public ulong? UpdateParallelism { get; set; }

        /// <summary>The wait between batches of a rolling update.</summary>
        public TimeSpan? UpdateDelay { get; set; }

        /// <summary>pause, continue or rollback: what the swarm does when an updated task fails.</summary>
        public string? UpdateFailureAction { get; set; }

        /// <summary>Return to the spec before the last update (docker service rollback).</summary>
        public bool Rollback { get; set; }

        /// <summary>The image's digest pinning and the login that goes with the service.</summary>
        public ServiceImage Image { get; set; } = new ServiceImage { Resolution = ServiceImageResolution.Changed };

        /// <summary>The task settings to change (environment, ports, mounts...); each given one replaces that part whole.</summary>
        public ServiceTaskOptions? TaskSettings { get; set; }

        public bool NoWait { get; set; }

        /// <summary>How long to wait for the tasks before a ServiceConvergenceTimeout error; null to wait until stopped.</summary>
        public TimeSpan? Timeout { get; set; }

        public bool PassThru { get; set; }

        protected override string? Action => Rollback ? "Roll back" : "Update";

        /// <summary>Checks what can be checked before any service is read; the cmdlet calls it first.</summary>
        public void Validate()
        {
            if (UpdateFailureAction != null && !new[] { "pause", "continue", "rollback" }.Contains(UpdateFailureAction.ToLowerInvariant()))
            {
                throw new InvalidParameterException("UpdateFailureAction", UpdateFailureAction, $"'{UpdateFailureAction}' is not a failure action; use Pause, Continue or Rollback.");
            }

            if (UpdateDelay < TimeSpan.Zero)
            {
                throw new InvalidParameterException("UpdateDelay", UpdateDelay, "-UpdateDelay cannot be negative.");
            }

            if (NewImage != null)
            {
                Parsing.ImageNameArgument.Parse(NewImage, "Image");
            }

            if (Timeout < TimeSpan.Zero)
            {
                throw new InvalidParameterException("Timeout", Timeout, "-Timeout cannot be negative.");
            }

            if (TaskSettings?.GivesAny == true)
            {
                // Parsed once here, on a spec of no service, so a bad value is refused before any service is read.
                ServiceSpecBuilder.Apply(TaskSettings, new ServiceSpec());
            }

            if (Rollback && (Replicas != null || NewImage != null || UpdateParallelism != null || UpdateDelay != null || UpdateFailureAction != null || TaskSettings?.GivesAny == true))
            {
                // The manager rolls back to the previous spec whole: a change sent with it would be lost without a word.
                throw new InvalidParameterException("Rollback", true, "-Rollback returns the service to its previous settings as they were; give other changes in a second Set-ContainerService.");
            }
        }

        protected override async Task ProcessAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken)
        {
            Validate();
            Service service = await engine.Client.Services.InspectAsync(target, cancellationToken);
            string name = service.Spec.Name ?? service.ID;
            ServiceSpec spec = service.Spec;
            if (Replicas != null)
            {
                if (spec.Mode?.Global != null)
                {
                    throw new InvalidParameterException("Replicas", Replicas, $"The service '{name}' is global (one task on every node); -Replicas applies to replicated services only.");
                }

                spec.Mode = new ServiceMode { Replicated = new ReplicatedService { Replicas = Replicas } };
            }

            string? registryAuth = null;
            if (NewImage != null)
            {
                registryAuth = await Image.RegistryAuthAsync(NewImage, output, cancellationToken);
                spec.TaskTemplate.ContainerSpec.Image = await Image.ResolveAsync(engine, NewImage, changed: true, registryAuth, output, cancellationToken);
            }

            // What the tasks do not show, as it was, for the wait (a copy: the spec is changed in place).
            string unseenBefore = UnseenParts(spec);
            if (TaskSettings?.GivesAny == true)
            {
                ServiceSpecBuilder.Apply(TaskSettings, spec);
                if (TaskSettings.Secret != null || TaskSettings.Config != null)
                {
                    await ServiceFileReferences.ResolveAsync(engine, spec.TaskTemplate.ContainerSpec, cancellationToken);
                }
            }

            if (UpdateParallelism != null || UpdateDelay != null || UpdateFailureAction != null)
            {
                spec.UpdateConfig ??= new ServiceUpdateConfig { Parallelism = 1 };
                spec.UpdateConfig.Parallelism = UpdateParallelism ?? spec.UpdateConfig.Parallelism;
                spec.UpdateConfig.Delay = UpdateDelay == null ? spec.UpdateConfig.Delay : UpdateDelay.Value.Ticks * 100;
                spec.UpdateConfig.FailureAction = UpdateFailureAction?.ToLowerInvariant() ?? spec.UpdateConfig.FailureAction;
            }

            if (Rollback && service.PreviousSpec == null)
            {
                throw new InvalidParameterException("Rollback", name, $"The service '{name}' has no previous settings to roll back to: it was never updated.");
            }

            ServiceConvergence convergence = await ServiceConvergence.BeginAsync(engine, service, cancellationToken);
            convergence.RollingBack = Rollback;
            convergence.UnseenChange = UnseenParts(spec) != unseenBefore;
            convergence.Timeout = Timeout;
            ServiceUpdateResponse updated = await engine.Client.Services.UpdateAsync(service.ID, service.Version?.Index ?? 0, spec, Rollback, registryAuth, cancellationToken);
            foreach (string warning in updated.Warnings ?? new List<string>())
            {
                output.WriteWarning(warning);
            }

            output.WriteVerbose(Rollback ? $"Rolling back service {name}." : $"Updated service {name}.");
            if (!NoWait)
            {
                CommandError? failed = await convergence.WaitAsync(engine, service.ID, name, output, cancellationToken);
                if (failed != null)
                {
                    output.WriteError(failed);
                }
            }

            if (PassThru)
            {
                output.WriteObject(await ServiceReading.ReadAsync(engine, service.ID, cancellationToken));
            }
        }

        private static string UnseenParts(ServiceSpec spec) =>
            TaskSpecComparison.Text(spec.EndpointSpec?.Ports) + TaskSpecComparison.Text(spec.TaskTemplate.Placement);
    }
}
