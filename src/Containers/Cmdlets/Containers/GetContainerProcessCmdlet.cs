using System.Management.Automation;
using Containers.Commands.Containers;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Containers
{
    /// <summary>Get-ContainerProcess: docker top, one object per process running in the container.</summary>
    [Cmdlet(VerbsCommon.Get, "ContainerProcess", DefaultParameterSetName = ByName)]
    [OutputType(typeof(ContainerProcess))]
    public sealed class GetContainerProcessCmdlet : ContainerTargetCmdlet
    {
        /// <summary>ps's options, as docker top passes them: 'aux', '-o pid,comm,rss'. The engine's default is -ef.</summary>
        [Parameter(Position = 1)]
        [Alias("PsArgs")]
        [ValidateNotNullOrEmpty]
        public string? Arguments { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            ExecuteAsync(new GetContainerProcessCommand { Arguments = Arguments }, output, cancellationToken);
    }
}
