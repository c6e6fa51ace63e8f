namespace Containers.Commands.Services
{
    /// <summary>Whether a service's image is pinned to the digest its registry serves (docker service create --resolve-image).</summary>
    public enum ServiceImageResolution
    {
        /// <summary>Ask the registry, through the engine, and pin the digest (docker's default).</summary>
        Always,

        /// <summary>Only when the image changes (Set-ContainerService); New-ContainerService resolves as Always.</summary>
        Changed,

        /// <summary>Use the image as given: each node takes what it has or pulls under that name.</summary>
        Never,
    }
}
