using System.Management.Automation;
using Containers.Commands.Hosts;
using Containers.Models;

namespace Containers.PowerShell.Cmdlets.Hosts
{
    /// <summary>Start-ContainerHost: starts the engine (and machine) of hosts and waits until the engine answers.</summary>
    [Cmdlet(VerbsLifecycle.Start, "ContainerHost", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ContainerHost))]
    public sealed class StartContainerHostCmdlet : HostActionCmdlet
    {
        protected override HostAction Action => HostAction.Start;
    }
}
