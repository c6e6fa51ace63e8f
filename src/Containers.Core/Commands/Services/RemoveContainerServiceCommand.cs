using Containers.Commands.Targets;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Services
{
    /// <summary>
    /// Remove-ContainerService: docker service rm. Each target is asked about (-WhatIf, -Confirm) and fails on its own;
    /// the swarm then stops and removes the service's tasks (this does not wait for them).
    /// </summary>
    public sealed class RemoveContainerServiceCommand : TargetCommand
    {
        public RemoveContainerServiceCommand()
            : base(ServiceTargets.Kind)
        {
        }

        /// <summary>Write each removed service, as it was just before.</summary>
        public bool PassThru { get; set; }

        protected override string Action => "Remove";

        protected override async Task ProcessAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken)
        {
            ContainerService? removed = null;
            if (PassThru)
            {
                removed = await ServiceReading.ReadAsync(engine, (await engine.Client.Services.InspectAsync(target, cancellationToken)).ID, cancellationToken);
            }

            await engine.Client.Services.RemoveAsync(target, cancellationToken);
            output.WriteVerbose($"Removed service {target}.");
            if (removed != null)
            {
                output.WriteObject(removed);
            }
        }
    }
}
