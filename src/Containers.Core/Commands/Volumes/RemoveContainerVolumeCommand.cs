using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Containers.Engine.Errors;
using Containers.Errors;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Volumes
{
    /// <summary>
    /// Remove-ContainerVolume: docker volume rm. Each target is asked about (-WhatIf, -Confirm) and fails on its own: a
    /// missing volume is VolumeNotFound, one a container uses is VolumeInUse naming the containers, and the next target
    /// is still removed.
    /// </summary>
    public sealed class RemoveContainerVolumeCommand
    {
        /// <summary>
        /// The engine's force: forget a volume whose driver fails to remove it (a plugin that is gone); a missing volume is
        /// then not an error. It never removes a volume a container uses.
        /// </summary>
        public bool Force { get; set; }

        public async Task ExecuteAsync(ContainerEngine engine, IEnumerable<string> targets, ICommandOutput output, CancellationToken cancellationToken)
        {
            foreach (string named in targets)
            {
                foreach (string target in await VolumeTargets.ExpandOrReportAsync(engine, named, output, cancellationToken))
                {
                    if (!output.ShouldProcess(VolumeTargets.Describe(target, engine), Force ? "Remove (force)" : "Remove"))
                    {
                        continue;
                    }

                    try
                    {
                        await engine.Client.Volumes.RemoveAsync(target, Force, cancellationToken);
                        output.WriteVerbose($"Removed volume {target}.");
                    }
                    catch (EngineConflictException conflict)
                    {
                        output.WriteError(await VolumeInUse.DescribeAsync(engine, target, conflict, cancellationToken));
                    }
                    catch (Exception e) when (ErrorClassifier.IsPerTarget(e))
                    {
                        output.WriteError(ErrorClassifier.Classify(e, target, VolumeTargets.Resource));
                    }
                }
            }
        }
    }
}
