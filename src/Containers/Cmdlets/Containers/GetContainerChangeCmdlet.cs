using System.Management.Automation;
using Containers.Commands.Containers;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Containers
{
    /// <summary>Get-ContainerChange: docker diff, the paths a container added, changed or deleted since it was created.</summary>
    [Cmdlet(VerbsCommon.Get, "ContainerChange", DefaultParameterSetName = ByName)]
    [OutputType(typeof(ContainerChange))]
    public sealed class GetContainerChangeCmdlet : ContainerTargetCmdlet
    {
        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            ExecuteAsync(new GetContainerChangeCommand(), output, cancellationToken);
    }
}
