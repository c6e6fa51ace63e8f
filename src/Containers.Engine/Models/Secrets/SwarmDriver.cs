namespace Containers.Engine.Models
{
    /// <summary>A plugin named in a swarm object's spec (a secret's store), with its options.</summary>
    public sealed class SwarmDriver
    {
        public string Name { get; set; } = string.Empty;

        public Dictionary<string, string>? Options { get; set; }
    }
}
