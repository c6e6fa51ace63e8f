using System.Management.Automation;

namespace Containers.PowerShell.Cmdlets.Registries
{
    /// <summary>
    /// What Get- and Disconnect-ContainerRegistry share: the stored logins they act on, named by registry host,
    /// docker.io or the key of a login, wildcards allowed, given or piped. Each cmdlet says what none named means.
    /// </summary>
    public abstract class StoredRegistryCmdlet : ContainersCmdlet
    {
        /// <summary>Registry logins are kept on this machine: -Engine is accepted (piped objects bind it) and not used.</summary>
        protected override bool UsesEngine => false;

        /// <summary>Registries by host, docker.io, or the key of a login; wildcards allowed.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ServerAddress")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[]? Registry { get; set; }
    }
}
