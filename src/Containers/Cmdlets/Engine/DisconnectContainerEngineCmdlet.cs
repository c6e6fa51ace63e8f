using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Containers.Engines;
using Containers.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Engine
{
    /// <summary>Disconnect-ContainerEngine: forgets the session's chosen engine; the environment's choice applies again.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "ContainerEngine")]
    [OutputType(typeof(ContainerEngine))]
    public sealed class DisconnectContainerEngineCmdlet : ContainersCmdlet
    {
        /// <summary>Return the engine that applies from now on.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override Task EndProcessingAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            if (!EngineSession.ClearDefault(SessionKey))
            {
                output.WriteVerbose("No engine was chosen with Connect-ContainerEngine in this session.");
            }

            if (PassThru)
            {
                output.WriteObject(EngineSelector.ForProcess.FromEnvironment());
            }

            return Task.CompletedTask;
        }
    }
}
