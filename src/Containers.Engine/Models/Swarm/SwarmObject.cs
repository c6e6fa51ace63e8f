namespace Containers.Engine.Models
{
    /// <summary>
    /// What every object a swarm manager stores has (nodes, services, tasks, secrets, configs, the swarm itself): an id, a
    /// version, and when it was made and last changed. An update sends the <see cref="Version"/> it read
    /// (<c>?version=INDEX</c>); the manager refuses it when someone else changed the object in between.
    /// </summary>
    public abstract class SwarmObject
    {
        public string ID { get; set; } = string.Empty;

        public SwarmObjectVersion? Version { get; set; }

        /// <summary>RFC 3339.</summary>
        public string? CreatedAt { get; set; }

        /// <summary>RFC 3339.</summary>
        public string? UpdatedAt { get; set; }
    }
}
