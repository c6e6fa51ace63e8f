using System.Management.Automation;

namespace Containers.PowerShell.Cmdlets.Registries
{
    /// <summary>
    /// What Get- and Disconnect-ContainerRegistry share: the stored logins they act on, named by registry host,
    /// docker.io or the key of a login, wildcards allowed, given or piped. Each cmdlet says what none named means.
    /// </summary>
    public abstract class StoredRegistryCmdlet : ContainersCmdlet
    {
        /// <summary>Registries by host, docker.io, or the key of a login; wildcards allowed.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ServerAddress")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[]? Registry { get; set; }
    }
}
