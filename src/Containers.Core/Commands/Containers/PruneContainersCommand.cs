using Containers.Commands.Pruning;
using Containers.Engine.Endpoints;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Containers
{
    /// <summary>Remove-Container -Stopped: docker container prune.</summary>
    public sealed class PruneContainersCommand : DatedPruneCommand
    {
        protected override string Kind => "stopped containers";

        protected override async Task<PruneResult> PruneAsync(ContainerEngine engine, Filters filters, ICommandOutput output, CancellationToken cancellationToken)
        {
            ContainerPruneResponse response = await engine.Client.Containers.PruneAsync(filters, cancellationToken);
            return new PruneResult("Container", Removed(output, "container", response.ContainersDeleted), response.SpaceReclaimed);
        }
    }
}
