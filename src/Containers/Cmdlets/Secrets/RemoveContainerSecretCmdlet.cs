using System.Management.Automation;
using Containers.Commands.Secrets;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Secrets
{
    /// <summary>Remove-ContainerSecret: docker secret rm; one a service uses is refused, naming the service.</summary>
    [Cmdlet(VerbsCommon.Remove, "ContainerSecret", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByName)]
    [OutputType(typeof(void))]
    public sealed class RemoveContainerSecretCmdlet : SwarmDataTargetCmdlet<ContainerSecret>
    {
        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            ExecuteAsync(new RemoveContainerSecretCommand(), output, cancellationToken);
    }
}
