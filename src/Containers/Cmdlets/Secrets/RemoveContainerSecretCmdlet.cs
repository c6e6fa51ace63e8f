using System.Management.Automation;
using Containers.Commands.Secrets;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Secrets
{
    /// <summary>Remove-ContainerSecret: docker secret rm; one a service uses is refused, naming the service.</summary>
    [Cmdlet(VerbsCommon.Remove, "ContainerSecret", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByName)]
    [OutputType(typeof(ContainerSecret))]
    public sealed class RemoveContainerSecretCmdlet : SwarmDataTargetCmdlet<ContainerSecret>
    {
        /// <summary>Return each secret removed, as it was.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            ExecuteAsync(new RemoveContainerSecretCommand { PassThru = PassThru }, output, cancellationToken);
    }
}
