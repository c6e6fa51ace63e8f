using Containers.Engine.Models;
using Containers.Text;

namespace Containers.Models
{
    /// <summary>
    /// A swarm as one of its managers sees it, as Get-ContainerSwarm and Initialize-ContainerSwarm return it. The join
    /// tokens are secrets that let any machine join: they are null unless asked for (-IncludeJoinToken), and no view shows them.
    /// </summary>
    public sealed class ContainerSwarm
    {
        private ContainerSwarm()
        {
        }

        /// <summary>The swarm's id (the cluster id).</summary>
        public string Id { get; private set; } = string.Empty;

        /// <summary>The id of the node the engine asked is (its own node in the swarm).</summary>
        public string? NodeId { get; private set; }

        /// <summary>The address the engine's node is reached at by the others.</summary>
        public string? NodeAddress { get; private set; }

        /// <summary>How many nodes the swarm has, and how many of them are managers, as the engine counts them.</summary>
        public int Nodes { get; private set; }

        public int Managers { get; private set; }

        /// <summary>Local time.</summary>
        public DateTime CreatedAt { get; private set; }

        /// <summary>Local time of the swarm's last change (its spec, a token rotation...).</summary>
        public DateTime UpdatedAt { get; private set; }

        /// <summary>The swarm object's version, which an update of it must send back.</summary>
        public ulong Version { get; private set; }

        public ReadableDictionary Labels { get; private set; } = ReadableDictionary.Empty;

        /// <summary>The CIDR pools overlay networks take their subnets from.</summary>
        public IReadOnlyList<string> DefaultAddressPool { get; private set; } = Array.Empty<string>();

        /// <summary>The prefix length of each subnet taken from the pools.</summary>
        public int SubnetSize { get; private set; }

        /// <summary>The UDP port of overlay traffic.</summary>
        public int DataPathPort { get; private set; }

        /// <summary>Whether managers' keys are locked at rest (an unlock key is needed after a restart).</summary>
        public bool AutoLock { get; private set; }

        /// <summary>How long a node's certificate is valid before it is renewed.</summary>
        public TimeSpan? NodeCertificateExpiry { get; private set; }

        /// <summary>The token that joins a node as a worker; only with -IncludeJoinToken, null otherwise.</summary>
        public string? WorkerJoinToken { get; private set; }

        /// <summary>The token that joins a node as a manager; only with -IncludeJoinToken, null otherwise.</summary>
        public string? ManagerJoinToken { get; private set; }

        /// <summary>The engine asked: piping it on reaches the same engine.</summary>
        public ContainerEngine Engine { get; private set; } = null!;

        public override string ToString() => Id;

        public static ContainerSwarm From(SwarmCluster cluster, SwarmInfo? local, bool includeJoinTokens, ContainerEngine engine) =>
            new ContainerSwarm
            {
                Id = cluster.ID,
                NodeId = string.IsNullOrEmpty(local?.NodeID) ? null : local!.NodeID,
                NodeAddress = string.IsNullOrEmpty(local?.NodeAddr) ? null : local!.NodeAddr,
                Nodes = local?.Nodes ?? 0,
                Managers = local?.Managers ?? 0,
                CreatedAt = EngineTime.Parse(cluster.CreatedAt) ?? DateTime.MinValue,
                UpdatedAt = EngineTime.Parse(cluster.UpdatedAt) ?? DateTime.MinValue,
                Version = cluster.Version?.Index ?? 0,
                Labels = new ReadableDictionary(cluster.Spec?.Labels),
                DefaultAddressPool = (cluster.DefaultAddrPool ?? new List<string>()).ToArray(),
                SubnetSize = (int)cluster.SubnetSize,
                DataPathPort = (int)cluster.DataPathPort,
                AutoLock = cluster.Spec?.EncryptionConfig?.AutoLockManagers ?? false,
                NodeCertificateExpiry = cluster.Spec?.CAConfig?.NodeCertExpiry is long expiry && expiry > 0 ? TimeSpan.FromTicks(expiry / 100) : (TimeSpan?)null,
                WorkerJoinToken = includeJoinTokens ? cluster.JoinTokens?.Worker : null,
                ManagerJoinToken = includeJoinTokens ? cluster.JoinTokens?.Manager : null,
                Engine = engine,
            };
    }
}
