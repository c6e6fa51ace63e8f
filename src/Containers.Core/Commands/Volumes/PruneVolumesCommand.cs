using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Containers.Engine.Endpoints;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;

namespace Containers.Commands.Volumes
{
    /// <summary>
    /// Remove-ContainerVolume -Unused: docker volume prune. Volumes the engine named (anonymous ones) by default; with -All
    /// named ones too (docker volume prune -a). One question for the whole prune, asked unless -Force (see PruneConfirmation).
    /// Engines before API 1.42 (Docker 20.10 and older) cannot keep named volumes out of a prune: theirs removes every
    /// unused volume. There -All is required, so that no named volume is removed without the user asking for that;
    /// without it the command refuses before anything is removed.
    /// </summary>
    public sealed class PruneVolumesCommand
    {
        public const string NeedsAllErrorId = "VolumePruneRemovesNamedVolumes";

        /// <summary>Named volumes too, not only the anonymous ones.</summary>
        public bool All { get; set; }

        /// <summary>Only volumes with these labels ('key' or 'key=value'), as docker volume prune --filter label= reads them.</summary>
        public IReadOnlyList<string>? Label { get; set; }

        /// <summary>-Force: remove without the question a prune asks (see <see cref="PruneConfirmation"/>).</summary>
        public bool Force { get; set; }

        public async Task ExecuteAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken)
        {
            var filters = new Filters();
            FilterArguments.AddLabels(filters, Label);

            bool canKeepNamed = await engine.Client.Volumes.PruneCanKeepNamedVolumesAsync(cancellationToken);
            if (!All && !canKeepNamed)
            {
                Version version = await engine.Client.GetApiVersionAsync(cancellationToken);
                output.WriteError(new CommandError(
                    NeedsAllErrorId,
                    ErrorKind.InvalidOperation,
                    $"{engine.Name} speaks API {version.Major}.{version.Minor}, whose volume prune removes every unused volume, named ones too; it cannot keep named volumes out. Nothing was removed.",
                    engine.Name,
                    null,
                    "Add -All to remove every unused volume (with -Label to narrow it), or remove the anonymous volumes by name: Get-ContainerVolume -Dangling | Where-Object IsAnonymous | Remove-ContainerVolume."));
                return;
            }

            string which = (All ? "all unused volumes, named ones too," : "unused anonymous volumes")
                + (Label == null || Label.Count == 0 ? string.Empty : " labelled " + string.Join(", ", Label));
            if (!PruneConfirmation.Confirm(output, $"{which} on {engine.Name}", engine.Name, Force))
            {
                return;
            }

            VolumePruneResponse response = await engine.Client.Volumes.PruneAsync(filters, All, cancellationToken);
            List<string> removed = response.VolumesDeleted ?? new List<string>();
            foreach (string name in removed)
            {
                output.WriteVerbose($"Removed volume {name}.");
            }

            output.WriteObject(new PruneResult("Volume", removed.ToArray(), response.SpaceReclaimed));
        }
    }
}
