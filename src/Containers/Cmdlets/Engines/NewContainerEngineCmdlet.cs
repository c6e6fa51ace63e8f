using System.Management.Automation;
using Containers.Commands.Engines;
using Containers.EngineSelection;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Engines
{
    /// <summary>
    /// New-ContainerEngine: an engine object for -Engine, with its address and TLS, changing nothing in the session and
    /// not connecting (Test-ContainerEngine -Engine says whether it answers).
    /// </summary>
    [Cmdlet(VerbsCommon.New, "ContainerEngine", DefaultParameterSetName = ByUri, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ContainerEngine))]
    public sealed class NewContainerEngineCmdlet : EngineChoiceCmdlet
    {
        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            WithChoice(new NewEngineCommand(EngineSelector.ForProcess)).Execute(output);
            return Task.CompletedTask;
        }
    }
}
