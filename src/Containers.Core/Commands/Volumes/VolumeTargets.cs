using Containers.Commands.Targets;
using Containers.Engine.Models;

namespace Containers.Commands.Volumes
{
    /// <summary>Volumes as targets: a literal name passes through; a wildcard matches volume names.</summary>
    public static class VolumeTargets
    {
        /// <summary>For error ids: VolumeNotFound, VolumeInUse, ...</summary>
        public const string Resource = "Volume";

        public static readonly TargetKind Kind = new TargetKind(
            "volume",
            Resource,
            TargetKind.ByName(async (engine, cancellationToken) =>
                ((await engine.Client.Volumes.ListAsync(null, cancellationToken)).Volumes ?? new List<Volume>())
                    .Select(volume => volume.Name)));
    }
}
