using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Containers
{
    /// <summary>
    /// The shape every "do X to these containers" cmdlet shares: expand the names, ask ShouldProcess for each, act,
    /// report a failure for that container and go on with the next, and with -PassThru return the container as it is now.
    /// </summary>
    public abstract class ContainerActionCommand
    {
        /// <summary>Return the container after acting on it.</summary>
        public bool PassThru { get; set; }

        /// <summary>The verb as -WhatIf shows it.</summary>
        protected abstract string Action { get; }

        protected abstract Task ActAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken);

        /// <summary>True for an action that makes sense for one container only (a new name): a pattern matching several is refused.</summary>
        protected virtual bool OneContainerOnly => false;

        /// <summary>How to find the container again after acting on it (a rename changes its name).</summary>
        protected virtual string TargetAfterAction(string target) => target;

        /// <summary>How a failure for one container reads (an action on another kind of object may know better).</summary>
        protected virtual CommandError Classify(Exception exception, string target) => ErrorClassifier.Classify(exception, target);

        public async Task ExecuteAsync(ContainerEngine engine, IEnumerable<string> targets, ICommandOutput output, CancellationToken cancellationToken)
        {
            foreach (string named in targets)
            {
                IReadOnlyList<string> expanded = await ContainerTargets.ExpandOrReportAsync(engine, named, output, cancellationToken);
                if (OneContainerOnly && expanded.Count > 1)
                {
                    output.WriteError(ErrorClassifier.Classify(
                        new InvalidParameterException("Name", named, $"'{named}' matches {expanded.Count} containers ({string.Join(", ", expanded)}); {Action.ToLowerInvariant()} applies to one container at a time."),
                        named));
                    continue;
                }

                foreach (string target in expanded)
                {
                    if (!output.ShouldProcess(ContainerTargets.Describe(target, engine), Action))
                    {
                        continue;
                    }

                    try
                    {
                        await ActAsync(engine, target, output, cancellationToken);
                        if (PassThru)
                        {
                            ContainerInspect inspect = await engine.Client.Containers.InspectAsync(TargetAfterAction(target), cancellationToken: cancellationToken);
                            output.WriteObject(Container.FromInspect(inspect, engine));
                        }
                    }
                    catch (Exception e) when (ErrorClassifier.IsPerTarget(e))
                    {
                        output.WriteError(Classify(e, target));
                    }
                }
            }
        }
    }
}
