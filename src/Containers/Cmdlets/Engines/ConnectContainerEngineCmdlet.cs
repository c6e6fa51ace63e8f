using System.Management.Automation;
using Containers.Commands.Engines;
using Containers.EngineSelection;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Engines
{
    /// <summary>
    /// Connect-ContainerEngine: chooses the engine this PowerShell session talks to from now on (like setting DOCKER_HOST
    /// or docker context use, but for this session only), after checking that it answers.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "ContainerEngine", DefaultParameterSetName = ByUri)]
    [OutputType(typeof(ContainerEngineInfo))]
    public sealed class ConnectContainerEngineCmdlet : EngineChoiceCmdlet
    {
        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            WithChoice(new ConnectEngineCommand(EngineSelector.ForProcess)).ExecuteAsync(SessionKey, output, cancellationToken);
    }
}
