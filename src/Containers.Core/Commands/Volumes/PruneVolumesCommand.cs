using Containers.Commands.Pruning;
using Containers.Engine.Endpoints;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Volumes
{
    /// <summary>
    /// Remove-ContainerVolume -Unused: docker volume prune. Volumes the engine named (anonymous ones) by default; with -All
    /// named ones too (docker volume prune -a). One question for the whole prune, asked unless -Force (see PruneConfirmation).
    /// Engines before API 1.42 (Docker 20.10 and older) cannot keep named volumes out of a prune: theirs removes every
    /// unused volume. There -All is required, so that no named volume is removed without the user asking for that;
    /// without it the command refuses before anything is removed.
    /// </summary>
    public sealed class PruneVolumesCommand : PruneCommand
    {
        public const string NeedsAllErrorId = "VolumePruneRemovesNamedVolumes";

        /// <summary>Named volumes too, not only the anonymous ones.</summary>
        public bool All { get; set; }

        protected override string Which => (All ? "all unused volumes, named ones too," : "unused anonymous volumes") + Labelled;

        protected override async Task<bool> CanPruneAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken)
        {
            bool canKeepNamed = await engine.Client.Volumes.PruneCanKeepNamedVolumesAsync(cancellationToken);
            if (All || canKeepNamed)
            {
                return true;
            }

            Version version = await engine.Client.GetApiVersionAsync(cancellationToken);
            output.WriteError(new CommandError(
                NeedsAllErrorId,
                ErrorKind.InvalidOperation,
                $"{engine.Name} speaks API {version.Major}.{version.Minor}, whose volume prune removes every unused volume, named ones too; it cannot keep named volumes out. Nothing was removed.",
                engine.Name,
                null,
                "Add -All to remove every unused volume (with -Label to narrow it), or remove the anonymous volumes by name: Get-ContainerVolume -Dangling | Where-Object IsAnonymous | Remove-ContainerVolume."));
            return false;
        }

        protected override async Task<PruneResult> PruneAsync(ContainerEngine engine, Filters filters, ICommandOutput output, CancellationToken cancellationToken)
        {
            VolumePruneResponse response = await engine.Client.Volumes.PruneAsync(filters, All, cancellationToken);
            return new PruneResult("Volume", Removed(output, "volume", response.VolumesDeleted), response.SpaceReclaimed);
        }
    }
}
