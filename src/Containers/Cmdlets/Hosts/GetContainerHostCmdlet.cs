using System.Management.Automation;
using Containers.Commands.Hosts;
using Containers.Models;
using Containers.Output;
using Containers.PowerShell.Completers;

namespace Containers.PowerShell.Cmdlets.Hosts
{
    /// <summary>Get-ContainerHost: the hosts of the host store, with their live state (docker-machine ls and inspect).</summary>
    [Cmdlet(VerbsCommon.Get, "ContainerHost")]
    [OutputType(typeof(ContainerHost))]
    public sealed class GetContainerHostCmdlet : ContainersCmdlet
    {
        /// <summary>The host store is on this machine: -Engine is accepted (piped objects bind it) and not used.</summary>
        protected override bool UsesEngine => false;

        /// <summary>Host names; wildcards match names. All hosts when absent.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("HostName")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ContainerHostNameCompleter))]
        public string[]? Name { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new GetContainerHostCommand(HostCommandContext.ForProcess()) { Name = Name }.ExecuteAsync(output, cancellationToken);
    }
}
