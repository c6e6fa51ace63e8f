using Containers.Commands.Engines;
using Containers.EngineSelection;
using Containers.Errors;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Swarm
{
    /// <summary>
    /// Exit-ContainerSwarm: docker swarm leave. A worker leaves (its tasks stop; managers see it Down). A manager is refused
    /// (SwarmManagerLeaveRefused) unless <see cref="Force"/>: it breaks the managers' quorum, and the last manager's leaving
    /// erases the swarm. An engine outside a swarm is NotInSwarm.
    /// </summary>
    public sealed class ExitContainerSwarmCommand
    {
        /// <summary>Leave even as a manager (docker swarm leave --force).</summary>
        public bool Force { get; set; }

        /// <summary>Write the engine once it has left (its SwarmState is then inactive).</summary>
        public bool PassThru { get; set; }

        public async Task ExecuteAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken)
        {
            if (!output.ShouldProcess(WhatIfTarget.On(engine, "engine " + engine.Name), Force ? "Leave the swarm (force, even as a manager)" : "Leave the swarm"))
            {
                return;
            }

            try
            {
                await engine.Client.Swarm.LeaveAsync(Force, cancellationToken);
                output.WriteVerbose($"The engine {engine.Name} left its swarm.");
                if (PassThru)
                {
                    output.WriteObject(await EngineInfo.LoadAsync(engine, cancellationToken));
                }
            }
            catch (Exception e) when (ErrorClassifier.IsPerTarget(e))
            {
                output.WriteError(ErrorClassifier.Classify(e, engine.Name, "Swarm"));
            }
        }
    }
}
