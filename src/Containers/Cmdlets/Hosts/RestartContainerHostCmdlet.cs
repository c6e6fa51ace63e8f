using System.Management.Automation;
using Containers.Commands.Hosts;
using Containers.Models;

namespace Containers.PowerShell.Cmdlets.Hosts
{
    /// <summary>Restart-ContainerHost: stops and starts the engine of hosts.</summary>
    [Cmdlet(VerbsLifecycle.Restart, "ContainerHost", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ContainerHost))]
    public sealed class RestartContainerHostCmdlet : HostActionCmdlet
    {
        protected override HostAction Action => HostAction.Restart;
    }
}
