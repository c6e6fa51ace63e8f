namespace Containers.Engine.Models
{
    /// <summary>
    /// What a swarm stores for a secret or a config: one shape for both (<see cref="SwarmSecret"/>, <see cref="SwarmConfig"/>),
    /// a name, labels and bytes in <see cref="Spec"/>. The manager never returns a secret's bytes; it returns a config's.
    /// </summary>
    public abstract class SwarmData : SwarmObject
    {
        public SwarmDataSpec Spec { get; set; } = new SwarmDataSpec();
    }
}
