using System.Management.Automation;
using Containers.Commands.Hosts;
using Containers.Models;
using Containers.Output;
using Containers.PowerShell.Hosting;

namespace Containers.PowerShell.Cmdlets.Hosts
{
    /// <summary>
    /// Remove-ContainerHost: removes hosts' engines or machines with their data, then their records and docker contexts.
    /// ConfirmImpact High: it destroys the engine's containers, images and volumes. -Force skips the question (not
    /// -WhatIf) and removes the record even when the machine cannot be removed.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "ContainerHost", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(ContainerHost))]
    public sealed class RemoveContainerHostCmdlet : HostTargetCmdlet
    {
        /// <summary>Do not ask; remove the host's record even when its machine or engine cannot be removed (it is gone already).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Return each removed host, as it was recorded.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new RemoveContainerHostCommand(HostCommandContext.ForProcess()) { Name = Name, Force = Force, PassThru = PassThru }
                .ExecuteAsync(Force && !MyInvocation.BoundParameters.ContainsKey("Confirm") ? new UnconfirmedOutput(output, this) : output, cancellationToken);
    }
}
