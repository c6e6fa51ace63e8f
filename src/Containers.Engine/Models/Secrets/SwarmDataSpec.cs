namespace Containers.Engine.Models
{
    /// <summary>
    /// The spec of a secret or a config, and the body of <c>POST /secrets/create</c> and <c>POST /configs/create</c>.
    /// Null fields are left out.
    /// </summary>
    public sealed class SwarmDataSpec
    {
        public string Name { get; set; } = string.Empty;

        public Dictionary<string, string>? Labels { get; set; }

        /// <summary>
        /// The content; the serializer writes and reads it as base64, as the engine does. At most 500 KB
        /// (<see cref="MaxDataSize"/>). Null in every secret the engine returns.
        /// </summary>
        public byte[]? Data { get; set; }

        /// <summary>Secrets only: a secret store plugin that holds the value instead of the swarm's raft log.</summary>
        public SwarmDriver? Driver { get; set; }

        /// <summary>The swarm's limit on a secret's or a config's content (swarmkit's MaxSecretSize and MaxConfigSize).</summary>
        public const int MaxDataSize = 500 * 1024;
    }
}
