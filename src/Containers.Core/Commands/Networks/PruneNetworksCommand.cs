using Containers.Commands.Pruning;
using Containers.Engine.Endpoints;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Networks
{
    /// <summary>Remove-ContainerNetwork -Unused: docker network prune. The engine never prunes its predefined networks.</summary>
    public sealed class PruneNetworksCommand : DatedPruneCommand
    {
        protected override string Kind => "unused networks";

        protected override async Task<PruneResult> PruneAsync(ContainerEngine engine, Filters filters, ICommandOutput output, CancellationToken cancellationToken)
        {
            NetworkPruneResponse response = await engine.Client.Networks.PruneAsync(filters, cancellationToken);
            return new PruneResult("Network", Removed(output, "network", response.NetworksDeleted), 0);
        }
    }
}
