using System.Management.Automation;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Containers
{
    /// <summary>New-Container: docker create. Returns the created (not started) container.</summary>
    [Cmdlet(VerbsCommon.New, "Container", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Container))]
    public sealed class NewContainerCmdlet : ContainerCreationCmdlet
    {
        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            CreateCommand().ExecuteAsync(SelectEngine(), output, cancellationToken);
    }
}
