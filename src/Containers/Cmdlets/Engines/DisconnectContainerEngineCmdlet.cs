using System.Management.Automation;
using Containers.Commands.Engines;
using Containers.EngineSelection;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Engines
{
    /// <summary>Disconnect-ContainerEngine: forgets the session's chosen engine; the environment's choice applies again.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "ContainerEngine")]
    [OutputType(typeof(ContainerEngineInfo))]
    public sealed class DisconnectContainerEngineCmdlet : ContainersCmdlet
    {
        /// <summary>It clears this session's choice, whatever engine is named.</summary>
        protected override bool UsesEngine => false;

        /// <summary>Return the engine that applies from now on.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override Task EndProcessingAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new DisconnectEngineCommand(EngineSelector.ForProcess) { PassThru = PassThru }.ExecuteAsync(SessionKey, output, cancellationToken);
    }
}
