using Containers.Engine.Models;
using Containers.Models;

namespace Containers.Completion
{
    /// <summary>Network names, the predefined ones (bridge, host, none) included.</summary>
    public static class NetworkNameSource
    {
        public static async Task<IReadOnlyList<CompletionCandidate>> ListAsync(ContainerEngine engine, CancellationToken cancellationToken)
        {
            List<NetworkResource> networks = await engine.Client.Networks.ListAsync(null, cancellationToken);
            return networks
                .Where(network => network.Name.Length > 0)
                .Select(network => new CompletionCandidate(network.Name, $"{network.Name}: {network.Driver} network ({network.Scope})"))
                .ToArray();
        }
    }
}
