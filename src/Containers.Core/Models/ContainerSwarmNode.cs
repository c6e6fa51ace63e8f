using Containers.Engine.Models;
using Containers.Text;

namespace Containers.Models
{
    /// <summary>
    /// A node of a swarm, as Get-ContainerSwarmNode returns it: the words are docker node ls's (Ready, Active, Leader).
    /// Piping it on binds -Id, which every node command takes, and its Engine, the manager it was read from.
    /// </summary>
    public sealed class ContainerSwarmNode
    {
        private ContainerSwarmNode()
        {
        }

        public string Id { get; private set; } = string.Empty;

        /// <summary>The host name the node's engine reports (docker node ls's HOSTNAME).</summary>
        public string HostName { get; private set; } = string.Empty;

        /// <summary>Manager or Worker.</summary>
        public string Role { get; private set; } = string.Empty;

        /// <summary>Active (takes tasks), Pause (keeps its tasks, takes no new ones) or Drain (its tasks move elsewhere).</summary>
        public string Availability { get; private set; } = string.Empty;

        /// <summary>Ready, Down, Disconnected or Unknown.</summary>
        public string State { get; private set; } = string.Empty;

        /// <summary>Why the node is in its state, when the manager says.</summary>
        public string? Message { get; private set; }

        /// <summary>
        /// A manager's standing: Leader, Reachable or Unreachable; null for a worker (docker node ls's MANAGER STATUS).
        /// </summary>
        public string? ManagerStatus { get; private set; }

        public bool IsLeader { get; private set; }

        /// <summary>True for the node of the engine that was asked (docker node ls marks it with '*').</summary>
        public bool IsSelf { get; private set; }

        /// <summary>The address the managers see the node at.</summary>
        public string? Address { get; private set; }

        /// <summary>A manager's address for the other managers and joining nodes (HOST:2377); null for a worker.</summary>
        public string? ManagerAddress { get; private set; }

        public string? EngineVersion { get; private set; }

        /// <summary>linux/x86_64 and the like.</summary>
        public string? Platform { get; private set; }

        public double Cpus { get; private set; }

        /// <summary>Bytes.</summary>
        public long Memory { get; private set; }

        /// <summary>The node's labels, which placement constraints read (node.labels.KEY); Set-ContainerSwarmNode -Label changes them.</summary>
        public ReadableDictionary Labels { get; private set; } = ReadableDictionary.Empty;

        /// <summary>The node's engine's own labels (dockerd --label; engine.labels.KEY in constraints).</summary>
        public ReadableDictionary EngineLabels { get; private set; } = ReadableDictionary.Empty;

        /// <summary>Local time.</summary>
        public DateTime CreatedAt { get; private set; }

        /// <summary>Local time of the node's last change.</summary>
        public DateTime UpdatedAt { get; private set; }

        /// <summary>The node's version when it was read: an update sends it, and is refused when the node changed since.</summary>
        public ulong Version { get; private set; }

        /// <summary>The manager the node was read from: piping it on reaches the same manager.</summary>
        public ContainerEngine Engine { get; private set; } = null!;

        public override string ToString() => HostName.Length > 0 ? HostName : Id;

        /// <summary>The engine's lower-case word as docker node ls shows it: "ready" becomes "Ready".</summary>
        public static string Title(string? word) =>
            string.IsNullOrEmpty(word) ? string.Empty : char.ToUpperInvariant(word![0]) + word.Substring(1);

        public static ContainerSwarmNode From(SwarmNode node, string? selfId, ContainerEngine engine)
        {
            SwarmNodeDescription description = node.Description ?? new SwarmNodeDescription();
            SwarmManagerStatus? manager = node.ManagerStatus;
            string? platform = description.Platform == null ? null : description.Platform.OS + "/" + description.Platform.Architecture;
            return new ContainerSwarmNode
            {
                Id = node.ID,
                HostName = description.Hostname ?? string.Empty,
                Role = Title(node.Spec?.Role),
                Availability = Title(node.Spec?.Availability),
                State = Title(node.Status?.State),
                Message = string.IsNullOrEmpty(node.Status?.Message) ? null : node.Status!.Message,
                ManagerStatus = manager == null ? null : manager.Leader ? "Leader" : Title(manager.Reachability),
                IsLeader = manager?.Leader ?? false,
                IsSelf = selfId != null && string.Equals(selfId, node.ID, StringComparison.Ordinal),
                Address = string.IsNullOrEmpty(node.Status?.Addr) ? null : node.Status!.Addr,
                ManagerAddress = string.IsNullOrEmpty(manager?.Addr) ? null : manager!.Addr,
                EngineVersion = description.Engine?.EngineVersion,
                Platform = platform,
                Cpus = (description.Resources?.NanoCPUs ?? 0) / 1e9,
                Memory = description.Resources?.MemoryBytes ?? 0,
                Labels = new ReadableDictionary(node.Spec?.Labels),
                EngineLabels = new ReadableDictionary(description.Engine?.Labels),
                CreatedAt = EngineTime.Parse(node.CreatedAt) ?? DateTime.MinValue,
                UpdatedAt = EngineTime.Parse(node.UpdatedAt) ?? DateTime.MinValue,
                Version = node.Version?.Index ?? 0,
                Engine = engine,
            };
        }
    }
}
