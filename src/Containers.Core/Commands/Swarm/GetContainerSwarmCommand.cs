using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Swarm
{
    /// <summary>
    /// Get-ContainerSwarm: docker swarm inspect (and docker info's swarm part), on a manager. The join tokens only with
    /// <see cref="IncludeJoinToken"/>. An engine outside a swarm is NotInSwarm, a worker NotSwarmManager.
    /// </summary>
    public sealed class GetContainerSwarmCommand
    {
        /// <summary>Fill in WorkerJoinToken and ManagerJoinToken: secrets that let any machine join.</summary>
        public bool IncludeJoinToken { get; set; }

        public async Task ExecuteAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken)
        {
            try
            {
                output.WriteObject(await ReadAsync(engine, IncludeJoinToken, cancellationToken));
            }
            catch (Exception e) when (ErrorClassifier.IsPerTarget(e))
            {
                output.WriteError(ErrorClassifier.Classify(e, engine.Name, "Swarm"));
            }
        }

        /// <summary>The swarm as the manager <paramref name="engine"/> sees it.</summary>
        public static async Task<ContainerSwarm> ReadAsync(ContainerEngine engine, bool includeJoinTokens, CancellationToken cancellationToken)
        {
            SwarmCluster cluster = await engine.Client.Swarm.InspectAsync(cancellationToken);
            SwarmInfo? local = (await engine.Client.System.InfoAsync(cancellationToken)).Swarm;
            return ContainerSwarm.From(cluster, local, includeJoinTokens, engine);
        }
    }
}
