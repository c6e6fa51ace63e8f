using Containers.Engine.Models;
using Containers.Models;

namespace Containers.Completion
{
    /// <summary>Swarm nodes' host names, from a manager; an engine that is no manager offers none.</summary>
    public static class SwarmNodeNameSource
    {
        /// <summary>The completer the node cmdlets' -Name uses.</summary>
        public static EngineNameCompleter Completer { get; } = new EngineNameCompleter(ListAsync);

        public static async Task<IReadOnlyList<CompletionCandidate>> ListAsync(ContainerEngine engine, CancellationToken cancellationToken)
        {
            List<SwarmNode> nodes = await engine.Client.Nodes.ListAsync(null, cancellationToken);
            return nodes
                .Where(node => !string.IsNullOrEmpty(node.Description?.Hostname))
                .Select(node => new CompletionCandidate(
                    node.Description!.Hostname!,
                    $"{node.Description.Hostname}: {ContainerSwarmNode.Title(node.Spec?.Role)}, {ContainerSwarmNode.Title(node.Status?.State)}, {ContainerSwarmNode.Title(node.Spec?.Availability)} ({node.ID})"))
                .ToArray();
        }
    }
}
