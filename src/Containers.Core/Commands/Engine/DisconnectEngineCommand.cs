using Containers.Engines;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Engine
{
    /// <summary>Disconnect-ContainerEngine: forgets the session's chosen engine, so the environment's choice applies again.</summary>
    public sealed class DisconnectEngineCommand
    {
        private readonly EngineSelector _selector;

        public DisconnectEngineCommand(EngineSelector selector)
        {
            _selector = selector ?? throw new System.ArgumentNullException(nameof(selector));
        }

        /// <summary>Write the engine that applies from now on.</summary>
        public bool PassThru { get; set; }

        public void Execute(string sessionKey, ICommandOutput output)
        {
            if (EngineSession.ClearDefault(sessionKey))
            {
                output.WriteVerbose("The session's engine was forgotten; DOCKER_HOST, DOCKER_CONTEXT or the current docker context apply again.");
            }
            else
            {
                output.WriteVerbose("No engine was chosen with Connect-ContainerEngine in this session.");
            }

            if (PassThru)
            {
                output.WriteObject(_selector.FromEnvironment());
            }
        }
    }
}
