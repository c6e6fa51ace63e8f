using System.Management.Automation;
using Containers.Commands.Containers;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Containers
{
    /// <summary>Get-ContainerDetail: docker inspect as objects.</summary>
    [Cmdlet(VerbsCommon.Get, "ContainerDetail", DefaultParameterSetName = ByName)]
    [OutputType(typeof(ContainerDetail))]
    public sealed class GetContainerDetailCmdlet : ContainerTargetCmdlet
    {
        /// <summary>Also compute the size of the container's writable layer and root filesystem.</summary>
        [Parameter]
        public SwitchParameter Size { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            ExecuteAsync(new GetContainerDetailCommand { Size = Size }, output, cancellationToken);
    }
}
