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

        protected override string Action => "Remove";

        protected override async Task ProcessAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken)
        {
            await engine.Client.Services.RemoveAsync(target, cancellationToken);
            output.WriteVerbose($"Removed service {target}.");
        }
    }
}
