using Containers.Engine.Models;

namespace Containers.Models
{
    /// <summary>
    /// A swarm secret, as Get-ContainerSecret and New-ContainerSecret return it. It has no value at all: the engine never
    /// returns a secret's data, and nothing the module made it from is kept here (so no view, serializer or ToString can
    /// show it).
    /// </summary>
    public sealed class ContainerSecret : ContainerSwarmData
    {
        private ContainerSecret(SwarmSecret secret, ContainerEngine engine)
            : base(secret, engine)
        {
            Driver = string.IsNullOrEmpty(secret.Spec.Driver?.Name) ? null : secret.Spec.Driver!.Name;
        }

        /// <summary>The secret store plugin that holds the value; null for the swarm's own (encrypted) store.</summary>
        public string? Driver { get; }

        public static ContainerSecret FromSecret(SwarmSecret secret, ContainerEngine engine) => new ContainerSecret(secret, engine);
    }
}
