using Containers.Commands.Targets;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Containers
{
    /// <summary>
    /// A "do X to these containers" command (<see cref="TargetCommand"/>), which with -PassThru returns each container as
    /// it is after the action.
    /// </summary>
    public abstract class ContainerActionCommand : TargetCommand
    {
        protected ContainerActionCommand()
            : base(ContainerTargets.Kind)
        {
        }

        /// <summary>Return the container after acting on it.</summary>
        public bool PassThru { get; set; }

        /// <summary>The verb as -WhatIf shows it.</summary>
        protected abstract override string Action { get; }

        protected abstract Task ActAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken);

        /// <summary>True for an action that makes sense for one container only (a new name): a pattern matching several is refused.</summary>
        protected virtual bool OneContainerOnly => false;

        /// <summary>How to find the container again after acting on it (a rename changes its name).</summary>
        protected virtual string TargetAfterAction(string target) => target;

        protected override IReadOnlyList<string> Narrow(string named, IReadOnlyList<string> expanded, ICommandOutput output)
        {
            if (OneContainerOnly && expanded.Count > 1)
            {
                output.WriteError(ErrorClassifier.Classify(
                    new InvalidParameterException("Name", named, $"'{named}' matches {expanded.Count} containers ({string.Join(", ", expanded)}); {Action.ToLowerInvariant()} applies to one container at a time."),
                    named));
                return new string[0];
            }

            return expanded;
        }

        protected sealed override async Task ProcessAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken)
        {
            await ActAsync(engine, target, output, cancellationToken);
            if (PassThru)
            {
                ContainerInspect inspect = await engine.Client.Containers.InspectAsync(TargetAfterAction(target), cancellationToken: cancellationToken);
                output.WriteObject(Container.FromInspect(inspect, engine));
            }
        }
    }
}
