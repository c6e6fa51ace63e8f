using System.Management.Automation;
using Containers.Commands.Images;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Images
{
    /// <summary>Get-ContainerImageDetail: docker image inspect as objects.</summary>
    [Cmdlet(VerbsCommon.Get, "ContainerImageDetail", DefaultParameterSetName = ByName)]
    [OutputType(typeof(ContainerImageDetail))]
    public sealed class GetContainerImageDetailCmdlet : ImageTargetCmdlet
    {
        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            ExecuteAsync(new GetContainerImageDetailCommand(), output, cancellationToken);
    }
}
