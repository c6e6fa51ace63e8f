using System.Management.Automation;
using Containers.Commands.Hosts;
using Containers.Models;

namespace Containers.PowerShell.Cmdlets.Hosts
{
    /// <summary>Stop-ContainerHost: stops the engine (or machine) of hosts.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "ContainerHost", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ContainerHost))]
    public sealed class StopContainerHostCmdlet : HostActionCmdlet
    {
        protected override HostAction Action => HostAction.Stop;
    }
}
