using System.Management.Automation;
using Containers.Commands.Secrets;
using Containers.Engine.Models;
using Containers.Models;

namespace Containers.PowerShell.Cmdlets.Secrets
{
    /// <summary>Get-ContainerSecret: docker secret ls as objects (never a value).</summary>
    [Cmdlet(VerbsCommon.Get, "ContainerSecret")]
    [OutputType(typeof(ContainerSecret))]
    public sealed class GetContainerSecretCmdlet : GetSwarmDataCmdlet<SwarmSecret>
    {
        private protected override GetSwarmDataCommand<SwarmSecret> NewCommand() => new GetContainerSecretCommand();
    }
}
