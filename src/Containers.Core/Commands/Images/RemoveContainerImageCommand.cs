using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Images
{
    /// <summary>
    /// Remove-ContainerImage: docker rmi. A name is taken off its image, and the image is removed once no name is left;
    /// an id removes the image. Each target is asked about (-WhatIf, -Confirm) and fails on its own: a refusal is
    /// reported and the next target is still removed.
    /// </summary>
    public sealed class RemoveContainerImageCommand
    {
        /// <summary>Also remove images that stopped containers use, and by id images that have several names.</summary>
        public bool Force { get; set; }

        /// <summary>Keep the untagged parent images a removal would otherwise remove with it.</summary>
        public bool NoPrune { get; set; }

        public async Task ExecuteAsync(ContainerEngine engine, IEnumerable<string> targets, ICommandOutput output, CancellationToken cancellationToken)
        {
            foreach (string named in targets)
            {
                foreach (string target in await ImageTargets.ExpandOrReportAsync(engine, named, output, cancellationToken))
                {
                    if (!output.ShouldProcess(ImageTargets.Describe(target, engine), Force ? "Remove (force)" : "Remove"))
                    {
                        continue;
                    }

                    try
                    {
                        List<ImageDeleteResponseItem> done = await engine.Client.Images.RemoveAsync(target, Force, NoPrune, cancellationToken);
                        foreach (ImageDeleteResponseItem item in done)
                        {
                            output.WriteVerbose(item.Untagged != null ? $"Untagged {item.Untagged}." : $"Deleted {item.Deleted}.");
                        }
                    }
                    catch (Exception e) when (ErrorClassifier.IsPerTarget(e))
                    {
                        output.WriteError(ErrorClassifier.Classify(e, target, ImageTargets.Resource));
                    }
                }
            }
        }
    }
}
