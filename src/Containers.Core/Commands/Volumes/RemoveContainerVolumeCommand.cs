using Containers.Commands.Targets;
using Containers.Engine.Errors;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Volumes
{
    /// <summary>
    /// Remove-ContainerVolume: docker volume rm. Each target is asked about (-WhatIf, -Confirm) and fails on its own: a
    /// missing volume is VolumeNotFound, one a container uses is VolumeInUse naming the containers, and the next target
    /// is still removed.
    /// </summary>
    public sealed class RemoveContainerVolumeCommand : TargetCommand
    {
        public RemoveContainerVolumeCommand()
            : base(VolumeTargets.Kind)
        {
        }

        /// <summary>
        /// The engine's force: forget a volume whose driver fails to remove it (a plugin that is gone); a missing volume is
        /// then not an error. It never removes a volume a container uses.
        /// </summary>
        public bool Force { get; set; }

        protected override string Action => Force ? "Remove (force)" : "Remove";

        protected override async Task ProcessAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken)
        {
            try
            {
                await engine.Client.Volumes.RemoveAsync(target, Force, cancellationToken);
                output.WriteVerbose($"Removed volume {target}.");
            }
            catch (EngineConflictException conflict)
            {
                output.WriteError(await VolumeInUse.DescribeAsync(engine, target, conflict, cancellationToken));
            }
        }
    }
}
