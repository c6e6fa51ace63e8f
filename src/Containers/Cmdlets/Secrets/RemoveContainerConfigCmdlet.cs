using System.Management.Automation;
using Containers.Commands.Secrets;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Secrets
{
    /// <summary>Remove-ContainerConfig: docker config rm; one a service uses is refused, naming the service.</summary>
    [Cmdlet(VerbsCommon.Remove, "ContainerConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByName)]
    [OutputType(typeof(void))]
    public sealed class RemoveContainerConfigCmdlet : SwarmDataTargetCmdlet<ContainerSwarmConfig>
    {
        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            ExecuteAsync(new RemoveContainerConfigCommand(), output, cancellationToken);
    }
}
