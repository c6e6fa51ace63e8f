using Containers.Commands.Targets;
using Containers.Engine.Models;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Secrets
{
    /// <summary>
    /// Remove-ContainerSecret and Remove-ContainerConfig: docker secret rm / config rm. Each target is asked about
    /// (-WhatIf, -Confirm) and fails on its own: a missing one is SecretNotFound (ConfigNotFound), one a service uses is
    /// SecretInUse (ConfigInUse) naming the services, and the next target is still removed.
    /// </summary>
    public abstract class RemoveSwarmDataCommand<T> : TargetCommand
        where T : SwarmData
    {
        private readonly SwarmDataKind<T> _kind;

        private protected RemoveSwarmDataCommand(SwarmDataKind<T> kind)
            : base(kind.Targets)
        {
            _kind = kind;
        }

        /// <summary>Write each removed one, as it was just before.</summary>
        public bool PassThru { get; set; }

        protected override string Action => "Remove";

        protected override async Task ProcessAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken)
        {
            T? removed = PassThru ? await _kind.Endpoint(engine).InspectAsync(target, cancellationToken) : null;
            await _kind.Endpoint(engine).RemoveAsync(target, cancellationToken);
            output.WriteVerbose($"Removed {_kind.Noun} {target}.");
            if (removed != null)
            {
                output.WriteObject(_kind.Convert(removed, engine));
            }
        }
    }
}
