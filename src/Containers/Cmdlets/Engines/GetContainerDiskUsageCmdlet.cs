using System.Management.Automation;
using Containers.Commands.Engines;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Engines
{
    /// <summary>Get-ContainerDiskUsage: docker system df as objects; -Detailed for docker system df -v.</summary>
    [Cmdlet(VerbsCommon.Get, "ContainerDiskUsage")]
    [OutputType(typeof(ContainerDiskUsage), typeof(ContainerDiskUsageItem))]
    public sealed class GetContainerDiskUsageCmdlet : ContainersCmdlet
    {
        /// <summary>One object per image, container, volume and build cache record, with its size, instead of the four totals.</summary>
        [Parameter]
        public SwitchParameter Detailed { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new GetDiskUsageCommand { Detailed = Detailed }.ExecuteAsync(SelectEngine(), output, cancellationToken);
    }
}
