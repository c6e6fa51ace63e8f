using Containers.Engine.Models;
using Containers.Text;

namespace Containers.Models
{
    /// <summary>Whether a service runs a number of tasks (Replicated) or one on every node (Global).</summary>
    public enum ContainerServiceMode
    {
        Replicated,
        Global,
    }

    /// <summary>
    /// A swarm service, as Get-ContainerService and New-ContainerService return it (docker service ls / inspect). Piping
    /// it on binds -Name to its name and reaches the engine it came from.
    /// </summary>
    public sealed class ContainerService
    {
        private ContainerService()
        {
        }

        public string Id { get; private set; } = string.Empty;

        public string Name { get; private set; } = string.Empty;

        public ContainerServiceMode Mode { get; private set; }

        /// <summary>The tasks asked for: the replica count, or for a global service the nodes it should run on (when known).</summary>
        public ulong? Replicas { get; private set; }

        /// <summary>The tasks running now; null when the engine does not count them (before API 1.41).</summary>
        public ulong? Running { get; private set; }

        /// <summary>The image the tasks run, with the digest it was pinned to when it was resolved at its registry.</summary>
        public string Image { get; private set; } = string.Empty;

        public IReadOnlyList<ContainerServicePort> Ports { get; private set; } = Array.Empty<ContainerServicePort>();

        /// <summary>Local time.</summary>
        public DateTime CreatedAt { get; private set; }

        /// <summary>Local time.</summary>
        public DateTime UpdatedAt { get; private set; }

        /// <summary>The last rolling update (or rollback): null when the service was never updated.</summary>
        public ContainerServiceUpdateStatus? UpdateStatus { get; private set; }

        public ReadableDictionary Labels { get; private set; } = ReadableDictionary.Empty;

        /// <summary>The manager's version of the service, which an update sends back.</summary>
        public ulong Version { get; private set; }

        /// <summary>The engine (a swarm manager) the service was read from: piping it on reaches the same engine.</summary>
        public ContainerEngine Engine { get; private set; } = null!;

        /// <summary>The image without its pinned digest, as docker service ls shows it.</summary>
        public string ImageName => Image.IndexOf('@') is int at && at > 0 ? Image.Substring(0, at) : Image;

        public override string ToString() => Name;

        public static ContainerService FromService(Service service, ContainerEngine engine)
        {
            ServiceSpec spec = service.Spec;
            bool global = spec.Mode?.Global != null;
            return new ContainerService
            {
                Id = service.ID,
                Name = spec.Name ?? service.ID,
                Mode = global ? ContainerServiceMode.Global : ContainerServiceMode.Replicated,
                Replicas = global ? service.ServiceStatus?.DesiredTasks : spec.Mode?.Replicated?.Replicas ?? 1,
                Running = service.ServiceStatus?.RunningTasks,
                Image = spec.TaskTemplate.ContainerSpec.Image ?? string.Empty,
                Ports = (service.Endpoint?.Ports ?? spec.EndpointSpec?.Ports ?? new List<EndpointPortConfig>())
                    .Select(port => new ContainerServicePort(port.TargetPort, port.Protocol ?? "tcp", port.PublishedPort, port.PublishMode ?? "ingress"))
                    .ToArray(),
                CreatedAt = EngineTime.Parse(service.CreatedAt) ?? DateTime.MinValue,
                UpdatedAt = EngineTime.Parse(service.UpdatedAt) ?? DateTime.MinValue,
                UpdateStatus = service.UpdateStatus?.State == null ? null : new ContainerServiceUpdateStatus(service.UpdateStatus.State!, service.UpdateStatus.Message),
                Labels = new ReadableDictionary(spec.Labels),
                Version = service.Version?.Index ?? 0,
                Engine = engine,
            };
        }
    }
}
