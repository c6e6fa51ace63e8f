using Containers.Commands.Targets;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;
using Containers.Text;

namespace Containers.Commands.Networks
{
    /// <summary>
    /// Remove-ContainerNetwork: removes networks by name, id or wildcard. The engine refuses to remove a network with
    /// containers attached; -Force disconnects them first. The predefined networks are refused when named and skipped
    /// when a wildcard matches them.
    /// </summary>
    public sealed class RemoveContainerNetworkCommand : TargetCommand
    {
        public RemoveContainerNetworkCommand()
            : base(NetworkTargets.Kind)
        {
        }

        /// <summary>Disconnect the attached containers first.</summary>
        public bool Force { get; set; }

        protected override string Action => Force ? "Remove (disconnecting its containers)" : "Remove";

        protected override IReadOnlyList<string> Narrow(string named, IReadOnlyList<string> expanded, ICommandOutput output)
        {
            if (Wildcard.ContainsWildcard(named))
            {
                return expanded.Where(target => !NetworkNames.IsPredefined(target)).ToList();
            }

            if (NetworkNames.IsPredefined(named))
            {
                output.WriteError(NetworkErrors.Predefined($"The network '{named.Trim()}' is one of the engine's predefined networks, which cannot be removed.", named));
                return new string[0];
            }

            return expanded;
        }

        protected override async Task ProcessAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken)
        {
            if (Force)
            {
                await DisconnectAllAsync(engine, target, output, cancellationToken);
            }

            await engine.Client.Networks.RemoveAsync(target, cancellationToken);
        }

        private static async Task DisconnectAllAsync(ContainerEngine engine, string network, ICommandOutput output, CancellationToken cancellationToken)
        {
            NetworkResource inspected = await engine.Client.Networks.InspectAsync(network, cancellationToken);
            foreach (KeyValuePair<string, NetworkEndpoint> attached in inspected.Containers ?? new Dictionary<string, NetworkEndpoint>())
            {
                // By name: for a container that is gone but left its endpoint behind (dockerd 20.10 does, when a running
                // container is removed with force), a forced disconnect finds the endpoint by the endpoint's name.
                string container = attached.Value.Name ?? attached.Key;
                output.WriteVerbose($"Disconnecting container {container} from network {inspected.Name}.");
                try
                {
                    await engine.Client.Networks.DisconnectAsync(inspected.Id, new NetworkDisconnectRequest { Container = container, Force = true }, cancellationToken);
                }
                catch (EngineNotFoundException e) when (e.ResourceKind == EngineResourceKind.Container)
                {
                    // Removed meanwhile: nothing left to disconnect.
                }
            }
        }
    }
}
