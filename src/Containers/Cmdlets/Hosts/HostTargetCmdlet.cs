using System.Management.Automation;
using Containers.PowerShell.Completers;

namespace Containers.PowerShell.Cmdlets.Hosts
{
    /// <summary>
    /// What every cmdlet acting on existing hosts shares: host names (wildcards allowed), given, piped as strings, or
    /// taken from the Name of piped ContainerHost objects. -Engine is inherited and not used: a host is not on an engine.
    /// </summary>
    public abstract class HostTargetCmdlet : ContainersCmdlet
    {
        /// <summary>The host store is on this machine: -Engine is accepted (piped objects bind it) and not used.</summary>
        protected override bool UsesEngine => false;

        /// <summary>Names of hosts in the host store; wildcards match names.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("HostName")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ContainerHostNameCompleter))]
        public string[] Name { get; set; } = new string[0];
    }
}
