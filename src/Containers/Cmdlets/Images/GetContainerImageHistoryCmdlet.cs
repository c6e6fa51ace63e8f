using System.Management.Automation;
using Containers.Commands.Images;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Images
{
    /// <summary>Get-ContainerImageHistory: docker history, one object per step, newest first.</summary>
    [Cmdlet(VerbsCommon.Get, "ContainerImageHistory", DefaultParameterSetName = ByName)]
    [OutputType(typeof(ContainerImageHistoryEntry))]
    public sealed class GetContainerImageHistoryCmdlet : ImageTargetCmdlet
    {
        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            ExecuteAsync(new GetContainerImageHistoryCommand(), output, cancellationToken);
    }
}
