using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Errors;
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
    public sealed class RemoveContainerNetworkCommand
    {
        /// <summary>Disconnect the attached containers first.</summary>
        public bool Force { get; set; }

        public async Task ExecuteAsync(ContainerEngine engine, IEnumerable<string> targets, ICommandOutput output, CancellationToken cancellationToken)
        {
            foreach (string named in targets)
            {
                bool pattern = Wildcard.ContainsWildcard(named);
                if (!pattern && NetworkNames.IsPredefined(named))
                {
                    output.WriteError(NetworkErrors.Predefined($"The network '{named.Trim()}' is one of the engine's predefined networks, which cannot be removed.", named));
                    continue;
                }

                foreach (string target in await NetworkTargets.ExpandOrReportAsync(engine, named, output, cancellationToken))
                {
                    if (pattern && NetworkNames.IsPredefined(target))
                    {
                        continue;
                    }

                    if (!output.ShouldProcess(NetworkTargets.Describe(target, engine), Force ? "Remove (disconnecting its containers)" : "Remove"))
                    {
                        continue;
                    }

                    try
                    {
                        if (Force)
                        {
                            await DisconnectAllAsync(engine, target, output, cancellationToken);
                        }

                        await engine.Client.Networks.RemoveAsync(target, cancellationToken);
                    }
                    catch (Exception e) when (ErrorClassifier.IsPerTarget(e))
                    {
                        output.WriteError(NetworkErrors.Classify(e, target));
                    }
                }
            }
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
