using System.Management.Automation;
using Containers.Commands.Engines;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Engines
{
    /// <summary>Get-ContainerEngine: docker version and docker info, as one object.</summary>
    [Cmdlet(VerbsCommon.Get, "ContainerEngine")]
    [OutputType(typeof(ContainerEngineInfo))]
    public sealed class GetContainerEngineCmdlet : ContainersCmdlet
    {
        protected override async Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            output.WriteObject(await EngineInfo.LoadAsync(SelectEngine(), cancellationToken));
    }
}
