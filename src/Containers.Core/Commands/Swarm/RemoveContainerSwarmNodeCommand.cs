using Containers.Commands.Targets;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Swarm
{
    /// <summary>
    /// Remove-ContainerSwarmNode: docker node rm. A node that is still up is refused (SwarmNodeNotDown) unless
    /// <see cref="Force"/>; a manager is refused even then (SwarmNodeIsManager); the node of the engine asked is refused
    /// before anything is sent (SwarmNodeIsSelf): an engine leaves its swarm with Exit-ContainerSwarm.
    /// </summary>
    public sealed class RemoveContainerSwarmNodeCommand : TargetCommand
    {
        public RemoveContainerSwarmNodeCommand()
            : base(SwarmNodeTargets.Kind)
        {
        }

        /// <summary>The engine's force: remove a node that is still up (it is cut off from the swarm).</summary>
        public bool Force { get; set; }

        /// <summary>Write each removed node as it was just before.</summary>
        public bool PassThru { get; set; }

        protected override string Action => Force ? "Remove from the swarm (force)" : "Remove from the swarm";

        protected override async Task ProcessAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken)
        {
            SwarmNode node = await engine.Client.Nodes.InspectAsync(target, cancellationToken);
            string? selfId = await SwarmNodeTargets.SelfIdAsync(engine, cancellationToken);
            if (node.ID == selfId)
            {
                output.WriteError(new CommandError("SwarmNodeIsSelf", ErrorKind.InvalidOperation,
                    $"The node '{target}' is the node of the engine asked ({engine.Name}), which cannot remove itself from its swarm.", target,
                    recommendedAction: "Make it leave with Exit-ContainerSwarm on its engine, or remove it through another manager once it is demoted and down."));
                return;
            }

            await engine.Client.Nodes.RemoveAsync(node.ID, Force, cancellationToken);
            output.WriteVerbose($"Removed swarm node {target} ({node.ID}).");
            if (PassThru)
            {
                output.WriteObject(ContainerSwarmNode.From(node, selfId, engine));
            }
        }
    }
}
