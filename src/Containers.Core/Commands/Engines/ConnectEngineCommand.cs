using System.Globalization;
using Containers.EngineSelection;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Engines
{
    /// <summary>
    /// Connect-ContainerEngine: chooses the engine a PowerShell session talks to from now on (docker context use, for
    /// this session only). The engine must answer first: a session is never left pointing at an engine that did not.
    /// </summary>
    public sealed class ConnectEngineCommand : EngineChoice
    {
        public ConnectEngineCommand(EngineSelector selector)
            : base(selector)
        {
        }

        public async Task<ContainerEngineInfo> ExecuteAsync(string sessionKey, ICommandOutput output, CancellationToken cancellationToken)
        {
            ContainerEngine engine = Choose();
            output.WriteVerbose($"Connecting to {engine.Uri} ({engine.Source}); calls wait up to {engine.ResponseTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} seconds for an answer.");
            ContainerEngineInfo info = await EngineInfo.LoadAsync(engine, cancellationToken);
            EngineSession.SetDefault(sessionKey, engine);
            output.WriteObject(info);
            return info;
        }
    }
}
