using Containers.Commands.Targets;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Images
{
    /// <summary>
    /// Remove-ContainerImage: docker rmi. A name is taken off its image, and the image is removed once no name is left;
    /// an id removes the image. Each target is asked about (-WhatIf, -Confirm) and fails on its own: a refusal is
    /// reported and the next target is still removed.
    /// </summary>
    public sealed class RemoveContainerImageCommand : TargetCommand
    {
        public RemoveContainerImageCommand()
            : base(ImageTargets.Kind)
        {
        }

        /// <summary>Also remove images that stopped containers use, and by id images that have several names.</summary>
        public bool Force { get; set; }

        /// <summary>Keep the untagged parent images a removal would otherwise remove with it.</summary>
        public bool NoPrune { get; set; }

        protected override string Action => Force ? "Remove (force)" : "Remove";

        protected override async Task ProcessAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken)
        {
            foreach (ImageDeleteResponseItem item in await engine.Client.Images.RemoveAsync(target, Force, NoPrune, cancellationToken))
            {
                output.WriteVerbose(item.Untagged != null ? $"Untagged {item.Untagged}." : $"Deleted {item.Deleted}.");
            }
        }
    }
}
