using System.Management.Automation;
using Containers.Commands.Secrets;
using Containers.Engine.Models;
using Containers.Models;

namespace Containers.PowerShell.Cmdlets.Secrets
{
    /// <summary>Get-ContainerConfig: docker config ls as objects, with their content.</summary>
    [Cmdlet(VerbsCommon.Get, "ContainerConfig")]
    [OutputType(typeof(ContainerSwarmConfig))]
    public sealed class GetContainerConfigCmdlet : GetSwarmDataCmdlet<SwarmConfig>
    {
        private protected override GetSwarmDataCommand<SwarmConfig> NewCommand() => new GetContainerConfigCommand();
    }
}
