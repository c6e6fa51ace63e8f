using System.Management.Automation;
using Containers.Commands.Swarm;
using Containers.Models;
using Containers.Output;
using Containers.PowerShell.Hosting;

namespace Containers.PowerShell.Cmdlets.Swarm
{
    /// <summary>
    /// Exit-ContainerSwarm: docker swarm leave. ConfirmImpact High: a manager that leaves breaks the managers' quorum, and
    /// the last one erases the swarm. -Force leaves even as a manager (the engine's --force) and skips the question (not -WhatIf).
    /// </summary>
    [Cmdlet(VerbsCommon.Exit, "ContainerSwarm", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(ContainerEngineInfo))]
    public sealed class ExitContainerSwarmCmdlet : ContainersCmdlet
    {
        /// <summary>Leave even as a manager (docker swarm leave --force), without asking.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Return the engine (Get-ContainerEngine's object) once it has left; its SwarmState says where it stands.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new ExitContainerSwarmCommand { Force = Force, PassThru = PassThru }
                .ExecuteAsync(SelectEngine(), Force && !MyInvocation.BoundParameters.ContainsKey("Confirm") ? new UnconfirmedOutput(output, this) : output, cancellationToken);
    }
}
