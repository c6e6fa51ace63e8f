using Containers.EngineSelection;
using Containers.Errors;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Engines
{
    /// <summary>Disconnect-ContainerEngine: forgets the session's chosen engine, so the environment's choice applies again.</summary>
    public sealed class DisconnectEngineCommand
    {
        private readonly EngineSelector _selector;

        public DisconnectEngineCommand(EngineSelector selector)
        {
            _selector = selector ?? throw new ArgumentNullException(nameof(selector));
        }

        /// <summary>Write the engine that applies from now on.</summary>
        public bool PassThru { get; set; }

        public async Task ExecuteAsync(string sessionKey, ICommandOutput output, CancellationToken cancellationToken)
        {
            if (EngineSession.ClearDefault(sessionKey))
            {
                output.WriteVerbose("The session's engine was forgotten; DOCKER_HOST, DOCKER_CONTEXT or the current docker context apply again.");
            }
            else
            {
                output.WriteVerbose("No engine was chosen with Connect-ContainerEngine in this session.");
            }

            if (!PassThru)
            {
                return;
            }

            ContainerEngine engine = _selector.FromEnvironment();
            ContainerEngineInfo info;
            try
            {
                info = await EngineInfo.LoadAsync(engine, cancellationToken);
            }
            catch (Exception e) when (!(e is OperationCanceledException) || !cancellationToken.IsCancellationRequested)
            {
                // Disconnecting does not need the next engine to answer: say where it is, and why its details are empty.
                output.WriteVerbose($"The engine at {engine.Uri} did not answer, so only its address is known: {ErrorClassifier.Classify(e, null).Message}");
                info = ContainerEngineInfo.AddressOnly(engine);
            }

            output.WriteObject(info);
        }
    }
}
