using Containers.Engine.Models;
using Containers.Text;

namespace Containers.Models
{
    /// <summary>
    /// What a swarm secret and a swarm config share as users see them (<see cref="ContainerSecret"/>,
    /// <see cref="ContainerSwarmConfig"/>): the id and name the other cmdlets find it by, labels, times, and its engine.
    /// </summary>
    public abstract class ContainerSwarmData
    {
        private protected ContainerSwarmData(SwarmData data, ContainerEngine engine)
        {
            Id = data.ID;
            Name = data.Spec.Name;
            Labels = new ReadableDictionary(data.Spec.Labels);
            Created = EngineTime.Parse(data.CreatedAt) ?? DateTime.MinValue;
            Updated = EngineTime.Parse(data.UpdatedAt) ?? Created;
            Version = data.Version?.Index ?? 0;
            Engine = engine;
        }

        public string Id { get; }

        /// <summary>The first 12 characters of the id, as tables show it.</summary>
        public string ShortId => Id.Length > 12 ? Id.Substring(0, 12) : Id;

        public string Name { get; }

        public ReadableDictionary Labels { get; }

        /// <summary>Local time.</summary>
        public DateTime Created { get; }

        /// <summary>Local time; the same as <see cref="Created"/> until the object is changed (labels only: the data never changes).</summary>
        public DateTime Updated { get; }

        /// <summary>The manager's version of the object.</summary>
        public ulong Version { get; }

        /// <summary>The swarm manager it was read from: piping it on reaches the same engine.</summary>
        public ContainerEngine Engine { get; }

        /// <summary>The name, as the service cmdlets' -Secret and -Config take it.</summary>
        public override string ToString() => Name;
    }
}
